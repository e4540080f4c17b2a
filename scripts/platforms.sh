#!/usr/bin/env bash
# Provides builds for a non-native platform (linux/arm64) for image-assert's tests: QEMU user emulation registered
# with binfmt_misc (Debian's qemu-user-static, flag F, so BuildKit's sandboxes can use it), and a local arm64 base
# image, image-assert/busybox-arm64:stable, made from Debian's own arm64 busybox-static package (no registry needed).
# Idempotent: what is there is left alone.
#   bash scripts/platforms.sh
set -euo pipefail

BASE_IMAGE=${IMAGE_ASSERT_ARM64_BASE:-image-assert/busybox-arm64:stable}

log() { printf '[platforms] %s\n' "$*" >&2; }
die() { printf '[platforms] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root; run this script as root or install sudo"
  fi
}

if [ ! -x /usr/bin/qemu-aarch64-static ] || ! command -v update-binfmts >/dev/null; then
  command -v apt-get >/dev/null || die "cannot install qemu-user-static: this is not a Debian-like machine"
  log "installing qemu-user-static and binfmt-support (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-user-static binfmt-support >/dev/null
fi
if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
  log "mounting binfmt_misc"
  as_root mount binfmt_misc -t binfmt_misc /proc/sys/fs/binfmt_misc
fi
if ! grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
  as_root update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || as_root update-binfmts --enable >/dev/null
fi
grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 || die "qemu-aarch64 is not registered with binfmt_misc"
grep -q '^flags:.*F' /proc/sys/fs/binfmt_misc/qemu-aarch64 \
  || die "qemu-aarch64 is registered without the F flag; BuildKit's sandboxes cannot find the interpreter"

if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "$BASE_IMAGE is present"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  log "adding the arm64 architecture to dpkg (for downloading arm64 packages; nothing arm64 is installed)"
  as_root dpkg --add-architecture arm64
  as_root apt-get update -qq
fi
(cd "$work" && apt-get download -qq busybox-static:arm64 2>/dev/null) \
  || { as_root apt-get update -qq; (cd "$work" && apt-get download -qq busybox-static:arm64); }
dpkg -x "$work"/busybox-static_*_arm64.deb "$work/root"
mkdir -p "$work/ctx/bin"
cp "$work/root/bin/busybox" "$work/ctx/bin/busybox"
cat > "$work/ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY bin/busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["/bin/sh"]
DOCKERFILE
log "building $BASE_IMAGE (arm64, through QEMU)"
docker buildx build --platform linux/arm64 --load -q -t "$BASE_IMAGE" "$work/ctx" >/dev/null
[ "$(docker image inspect "$BASE_IMAGE" --format '{{.Os}}/{{.Architecture}}')" = linux/arm64 ] \
  || die "$BASE_IMAGE was built but is not linux/arm64"
log "$BASE_IMAGE ready"
