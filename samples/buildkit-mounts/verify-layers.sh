#!/usr/bin/env bash
# Proves that neither the build secret nor the apt cache reached any layer of the image.
# Usage: verify-layers.sh [IMAGE] [SECRET_FILE]   (run after building the image with that secret)
set -euo pipefail
image=${1:-image-assert-sample/buildkit-mounts:runtime}
secret=${2:-$(dirname "$0")/secret.txt.example}
token=$(head -n 1 "$secret")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

docker save "$image" | tar -x -C "$work"
failed=0
for layer in "$work"/*/layer.tar; do
  id=$(basename "$(dirname "$layer")")
  mkdir "$work/fs"
  tar -x -C "$work/fs" -f "$layer" 2>/dev/null
  if grep -rqF -- "$token" "$work/fs"; then
    echo "LEAK secret text in layer $id"; failed=1
  fi
  leaked=$(tar -t -f "$layer" | grep -E '^(var/cache/apt/(archives/.+\.deb|.+\.bin)|var/lib/apt/lists/.+_(Packages|InRelease|Translation-.+))$' || true)
  if [ -n "$leaked" ]; then
    echo "LEAK apt cache in layer $id:"; echo "$leaked"; failed=1
  fi
  rm -rf "$work/fs"
done
[ "$failed" -eq 0 ] && echo "OK: $(ls -d "$work"/*/ | wc -l) layers, no secret text, no apt cache"
exit "$failed"
