#!/usr/bin/env bash
# A second, private Docker engine for the engine-fault tests (docs/reliability.md, "Engine faults"): those tests kill,
# stop and resume an engine mid-export and mid-build, which must never happen to the engine everything else on the
# machine shares (scripts/engine.sh's, on /var/run/docker.sock). This one has its own socket, data root, exec root,
# containerd, pid file and cgroup parent, a bridge of its own and no iptables rules, so it touches nothing of the main engine's.
#
#   bash scripts/fault-engine.sh                 start it (idempotent) and give it the base images it needs
#   bash scripts/fault-engine.sh --stop          stop it, and the containerd it started (idempotent)
#   bash scripts/fault-engine.sh --signal SIG    send SIG (KILL, STOP, CONT...) to this engine's dockerd only
#   bash scripts/fault-engine.sh --socket        print its DOCKER_HOST value
#
# Base images come from the main engine (`docker save | docker load`): no registry is needed. Every process is found
# through this engine's own pid files, never by name.
set -euo pipefail

DIR=${IMAGE_ASSERT_FAULT_ENGINE_DIR:-${IMAGE_ASSERT_STATE_DIR:-/var/tmp/image-assert}/fault-engine}
SOCKET=$DIR/docker.sock
PID_FILE=$DIR/docker.pid
EXEC_ROOT=$DIR/exec
DATA_ROOT=$DIR/data
LOG=$DIR/dockerd.log
# dockerd runs its own containerd when none is given; it writes that one's pid here
CONTAINERD_PID_FILE=$EXEC_ROOT/containerd/containerd.pid
# BuildKit in dockerd runs RUN steps on the engine's default bridge and fails without one; docker0 is the main
# engine's, so this one gets a bridge of its own. Its address is in a documentation range (RFC 5737), unrouted:
# no traffic leaves it, and nothing of the main engine's or the host's uses it.
BRIDGE=${IMAGE_ASSERT_FAULT_ENGINE_BRIDGE:-ia-fault0}
BRIDGE_ADDRESS=${IMAGE_ASSERT_FAULT_ENGINE_BRIDGE_ADDRESS:-198.51.100.1/24}
IMAGES=${IMAGE_ASSERT_FAULT_ENGINE_IMAGES:-busybox:stable}

log() { printf '[fault-engine] %s\n' "$*" >&2; }
die() { printf '[fault-engine] ERROR: %s\n' "$*" >&2; exit 1; }

private() { docker -H "unix://$SOCKET" "$@"; }
answers() { [ -S "$SOCKET" ] && timeout 10 docker -H "unix://$SOCKET" version >/dev/null 2>&1; }
pid_of() { [ -s "$1" ] && cat "$1" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

[ "$(id -u)" -eq 0 ] || die "a second dockerd needs root; run this script as root"

stop_pid() {
  local pid=$1 what=$2
  alive "$pid" || return 0
  kill -CONT "$pid" 2>/dev/null || true # a stopped process cannot act on SIGTERM
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do alive "$pid" || return 0; sleep 0.3; done
  log "$what ($pid) did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do alive "$pid" || return 0; sleep 0.3; done
  die "$what ($pid) is still running"
}

# BuildKit (inside dockerd) runs RUN steps with runc; when dockerd is killed, runc dies with it but the step's
# container lives on, and the next dockerd does not know it. Those of this engine (bundle under its data root) are
# ended here, so that one test's crash leaves nothing running for the next; the main engine's are never touched.
reap_orphans() {
  command -v runc >/dev/null || return 0
  local id
  for id in $(runc list -q 2>/dev/null); do
    runc state "$id" 2>/dev/null | grep -q "\"bundle\": \"$DATA_ROOT/" || continue
    runc kill "$id" KILL 2>/dev/null || true
    for _ in $(seq 1 20); do runc delete "$id" 2>/dev/null && break; sleep 0.2; done
    log "ended BuildKit container $id, left running by a dockerd that was killed"
  done
}

stop() {
  stop_pid "$(pid_of "$PID_FILE")" dockerd
  # killed dockerds leave their containerd running; a clean stop ends it too
  stop_pid "$(pid_of "$CONTAINERD_PID_FILE")" containerd
  reap_orphans
  rm -f "$PID_FILE" "$SOCKET"
  ip link show "$BRIDGE" >/dev/null 2>&1 && ip link delete "$BRIDGE" 2>/dev/null || true
  log "stopped"
}

ensure_bridge() {
  command -v ip >/dev/null || die "the ip command (iproute2) is missing"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge || die "cannot create the bridge $BRIDGE"
  fi
  ip -4 addr show dev "$BRIDGE" | grep -q "inet ${BRIDGE_ADDRESS%/*}/" || ip addr add "$BRIDGE_ADDRESS" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

start() {
  if answers; then
    return 0
  fi
  command -v dockerd >/dev/null || die "dockerd is missing; run scripts/engine.sh first (it installs Debian's docker.io)"
  local pid
  pid=$(pid_of "$PID_FILE")
  if alive "$pid"; then
    # stopped by a test that did not resume it, or still starting: resume, and give it a moment
    kill -CONT "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do answers && return 0; sleep 1; done
    log "dockerd ($pid) runs but does not answer; restarting it"
    stop
  fi
  mkdir -p "$DIR" "$DATA_ROOT" "$EXEC_ROOT"
  reap_orphans
  ensure_bridge
  log "starting a private dockerd on $SOCKET (log: $LOG)"
  # setsid: it must outlive the test JVM that started it. No iptables rules: the main engine owns those.
  setsid dockerd --host "unix://$SOCKET" --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" --pidfile "$PID_FILE" \
      --bridge="$BRIDGE" --iptables=false --ip6tables=false --ip-masq=false --cgroup-parent=image-assert-fault-engine \
      --containerd-namespace image-assert-faults --containerd-plugins-namespace image-assert-faults-plugins \
      >>"$LOG" 2>&1 </dev/null &
  local launcher=$!
  # after a kill, dockerd first stops the containers its containerd still runs: that can take a minute
  for _ in $(seq 1 120); do
    answers && break
    alive "$launcher" || alive "$(pid_of "$PID_FILE")" || { tail -n 30 "$LOG" >&2; die "dockerd exited; its log is above"; }
    sleep 1
  done
  answers || { tail -n 30 "$LOG" >&2; die "the private dockerd did not answer within 120 s; log: $LOG"; }
  log "up: $(private version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}'), pid $(pid_of "$PID_FILE")"
}

load_images() {
  local image
  for image in $IMAGES; do
    private image inspect "$image" >/dev/null 2>&1 && continue
    docker image inspect "$image" >/dev/null 2>&1 \
      || die "the main engine has no $image to copy; run scripts/engine.sh first"
    docker save "$image" | private load -q >/dev/null
    log "loaded $image from the main engine"
  done
}

case "${1:-}" in
  "") start; load_images; log "ready: DOCKER_HOST=unix://$SOCKET" ;;
  --stop) stop ;;
  --signal)
    [ -n "${2:-}" ] || die "--signal needs a signal name, e.g. KILL, STOP or CONT"
    pid=$(pid_of "$PID_FILE")
    alive "$pid" || die "the private dockerd is not running ($PID_FILE)"
    kill "-$2" "$pid"
    log "sent SIG$2 to dockerd $pid" ;;
  --socket) echo "unix://$SOCKET" ;;
  *) die "unknown option '$1' (use no option, --stop, --signal SIG or --socket)" ;;
esac
