#!/usr/bin/env bash
# Puts into the build context what .dockerignore must keep out of the image: a .git directory,
# a .env with a (fake) secret and build output in target/. None of them can be committed here.
# Usage: prepare-context.sh [CONTEXT_DIR]          create them (default: this script's directory)
#        prepare-context.sh --clean [CONTEXT_DIR]  remove them again
set -euo pipefail
clean=false
if [ "${1:-}" = "--clean" ]; then clean=true; shift; fi
dir=${1:-$(cd "$(dirname "$0")" && pwd)}

if $clean; then
  rm -rf "$dir/.git" "$dir/.env" "$dir/target"
  exit 0
fi

mkdir -p "$dir/.git/refs/heads" "$dir/target/classes"
echo 'ref: refs/heads/main' > "$dir/.git/HEAD"
printf '[core]\n\trepositoryformatversion = 0\n\tbare = false\n' > "$dir/.git/config"
echo 0123456789abcdef0123456789abcdef01234567 > "$dir/.git/refs/heads/main"
echo 'API_KEY=fake-dotenv-secret-5d2c9e1b' > "$dir/.env"
echo 'junk from a previous local build' > "$dir/target/classes/Junk.class"
head -c 1048576 /dev/zero > "$dir/target/junk.bin"
