#!/usr/bin/env bash
# Provides Podman (Debian's podman 4.3) with its Docker-compatible API on a Unix socket, for image-assert's
# tests of Podman as the engine and of Podman's archive formats. Idempotent: an answering socket is left alone.
#   bash scripts/podman.sh          start it (installs Debian's podman when missing)
#   bash scripts/podman.sh --stop   stop the service this script started
# `podman run` does not work in some sandboxes ("error setting rlimit type 7"); reading images, `podman save` and
# the API's image endpoints do, and that is what the tests use.
set -euo pipefail

STATE_DIR=${IMAGE_ASSERT_STATE_DIR:-/var/tmp/image-assert}/podman
SOCKET=${IMAGE_ASSERT_PODMAN_SOCKET:-$STATE_DIR/podman.sock}
PID_FILE=$STATE_DIR/service.pid
LOG=$STATE_DIR/service.log

log() { printf '[podman] %s\n' "$*" >&2; }
die() { printf '[podman] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root; run this script as root or install sudo"
  fi
}

answers() { curl -fsS -o /dev/null --max-time 2 --unix-socket "$SOCKET" http://d/_ping 2>/dev/null; }

case "${1:-}" in
  --stop)
    [ -f "$PID_FILE" ] || die "no service started by this script ($PID_FILE missing)"
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE" "$SOCKET"
    log "podman service stopped"
    exit 0 ;;
  "") ;;
  *) die "unknown option '$1' (use no option, or --stop)" ;;
esac

if answers; then
  log "podman answers on $SOCKET"
  exit 0
fi
if ! command -v podman >/dev/null; then
  command -v apt-get >/dev/null || die "cannot install podman: this is not a Debian-like machine"
  log "installing podman (Debian package)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman >/dev/null
fi
mkdir -p "$STATE_DIR"
rm -f "$SOCKET"
log "starting podman system service on $SOCKET (log: $LOG)"
nohup podman system service --time=0 "unix://$SOCKET" >>"$LOG" 2>&1 &
echo $! > "$PID_FILE"
for _ in $(seq 1 30); do answers && break; sleep 0.5; done
answers || die "podman's service did not answer on $SOCKET; see $LOG"
log "podman up on $SOCKET. Stop it with: bash scripts/podman.sh --stop"
