#!/usr/bin/env bash
# Provides a real container registry for image-assert's tests: Debian's docker-registry (the distribution
# project's registry, 2.8) serving plain HTTP on 127.0.0.1:5000, anonymous, with its access log in a file.
# The tests start further instances of the same binary themselves (TLS, htpasswd, token auth) on free ports.
#
# Idempotent: if a registry answers on the address, nothing is done.
#   bash scripts/registry.sh          start it (installs Debian's docker-registry when missing)
#   bash scripts/registry.sh --stop   stop the instance this script started
set -euo pipefail

STATE_DIR=${IMAGE_ASSERT_STATE_DIR:-/var/tmp/image-assert}/registry
ADDRESS=${IMAGE_ASSERT_REGISTRY:-127.0.0.1:5000}
PID_FILE=$STATE_DIR/registry.pid
LOG=$STATE_DIR/registry.log

log() { printf '[registry] %s\n' "$*" >&2; }
die() { printf '[registry] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root; run this script as root or install sudo"
  fi
}

answers() { curl -fsS -o /dev/null --max-time 2 "http://$ADDRESS/v2/" 2>/dev/null; }

stop_registry() {
  [ -f "$PID_FILE" ] || die "no registry started by this script ($PID_FILE missing)"
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && die "the registry ($pid) is still running after 30 s"
  rm -f "$PID_FILE"
  log "registry stopped"
}

main() {
  case "${1:-}" in
    --stop) stop_registry; return ;;
    "") ;;
    *) die "unknown option '$1' (use no option, or --stop)" ;;
  esac
  if answers; then
    log "a registry answers on $ADDRESS"
    return
  fi
  if ! command -v docker-registry >/dev/null; then
    command -v apt-get >/dev/null || die "cannot install docker-registry: this is not a Debian-like machine"
    log "installing docker-registry (Debian package)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
  fi
  as_root mkdir -p "$STATE_DIR/data"
  cat > "$STATE_DIR/config.yml" <<CONFIG
version: 0.1
log:
  level: info
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: $STATE_DIR/data
  delete:
    enabled: true
http:
  addr: $ADDRESS
CONFIG
  log "starting docker-registry on $ADDRESS (log: $LOG)"
  nohup docker-registry serve "$STATE_DIR/config.yml" >>"$LOG" 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 30); do answers && break; sleep 0.5; done
  answers || die "the registry did not answer on $ADDRESS; see $LOG"
  log "registry up on $ADDRESS. Stop it with: bash scripts/registry.sh --stop"
}

main "$@"
