#!/usr/bin/env bash
# Provides what image-assert's own tests and samples need from a machine: a Docker engine that answers,
# `docker buildx`, and the base images the samples build FROM.
#
# Idempotent: every step first checks whether its result is already there and then does nothing.
#   - engine:   if `docker info` answers, it is left alone; otherwise Debian's docker.io is installed and
#               dockerd is started in the background (log: $IMAGE_ASSERT_ENGINE_LOG).
#   - buildx:   if `docker buildx version` answers, nothing; otherwise the plugin binary is extracted from
#               the next Debian release's docker-buildx package (downloaded with apt into a private apt
#               state; the system's sources are never changed and nothing from that release is installed).
#   - tools:    skopeo (Debian's), which the tests use to make OCI image layouts from engine images.
#   - images:   for each base image: present locally -> nothing; pullable -> pulled; only when a pull is
#               impossible (no registry reachable) a local stand-in is built and tagged with that name.
#   - registry: scripts/registry.sh starts Debian's docker-registry on 127.0.0.1:5000 (see there).
#   - podman:   scripts/podman.sh starts Podman's Docker-compatible API on a Unix socket (see there).
#   - platforms: scripts/platforms.sh registers QEMU (binfmt_misc) and builds an arm64 base image (see there).
#   - browser:  scripts/browser.sh installs Debian's chromium and chromium-driver for the report's browser tests.
#
# Usage: bash scripts/engine.sh            (all steps)
#        bash scripts/engine.sh --stop     (stop a dockerd that this script started)
set -euo pipefail

STATE_DIR=${IMAGE_ASSERT_STATE_DIR:-/var/tmp/image-assert}
ENGINE_LOG=${IMAGE_ASSERT_ENGINE_LOG:-$STATE_DIR/dockerd.log}
PID_FILE=$STATE_DIR/dockerd.pid
PLUGIN_DIR=${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins
NEXT_DEBIAN=trixie

# Names the samples and tests use in FROM. A user with a registry gets the real images.
DEBIAN_IMAGE=debian:bookworm-slim
BUSYBOX_IMAGE=busybox:stable

log() { printf '[engine] %s\n' "$*" >&2; }
die() { printf '[engine] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root; run this script as root or install sudo"
  fi
}

apt_updated=false
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "cannot install ${missing[*]}: this is not a Debian-like machine; install a Docker engine by hand"
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  log "installing ${missing[*]} (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

engine_answers() { docker info >/dev/null 2>&1; }

ensure_engine() {
  if engine_answers; then
    log "engine answers: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null)"
    return 0
  fi
  [ -n "${DOCKER_HOST:-}" ] && die "DOCKER_HOST=$DOCKER_HOST is set but no engine answers there; start it or unset DOCKER_HOST"
  command -v dockerd >/dev/null || apt_install docker.io
  # iptables and a bridge are not always available in a sandbox; the engine works without them.
  apt_install iptables >/dev/null 2>&1 || true
  as_root mkdir -p "$STATE_DIR"
  log "starting dockerd in the background (log: $ENGINE_LOG)"
  # setsid: the engine must outlive this script and the build that called it. dockerd writes its own pid.
  as_root rm -f "$PID_FILE"
  as_root setsid dockerd --host unix:///var/run/docker.sock --pidfile "$PID_FILE" >"$ENGINE_LOG" 2>&1 < /dev/null &
  local launcher=$!
  for _ in $(seq 1 60); do
    engine_answers && break
    kill -0 "$launcher" 2>/dev/null || [ -s "$PID_FILE" ] || { tail -n 30 "$ENGINE_LOG" >&2; die "dockerd exited; its log is above"; }
    sleep 1
  done
  engine_answers || { tail -n 30 "$ENGINE_LOG" >&2; die "dockerd did not answer within 60 s; log: $ENGINE_LOG"; }
  log "engine up: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}')." \
      "Stop it with: bash scripts/engine.sh --stop"
}

# The mirror the machine already uses, so nothing here names a host of its own.
debian_mirror() {
  local uri
  uri=$(grep -hoE '^URIs:[[:space:]]*\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n 1 | awk '{print $2}')
  [ -n "$uri" ] || uri=$(grep -hoE '^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?\S+' /etc/apt/sources.list 2>/dev/null | grep -v security | head -n 1 | awk '{print $NF}')
  [ -n "$uri" ] || die "cannot find the Debian mirror in the apt configuration"
  echo "$uri"
}

ensure_buildx() {
  if docker buildx version >/dev/null 2>&1; then
    log "buildx present: $(docker buildx version | head -n 1)"
    return 0
  fi
  local work arch mirror deb
  work=$(mktemp -d)
  arch=$(dpkg --print-architecture)
  mirror=$(debian_mirror)
  log "fetching docker-buildx from Debian $NEXT_DEBIAN (plugin binary only; the system stays on its release)"
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/etc"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $NEXT_DEBIAN main" > "$work/etc/sources.list"
  local apt_opts=(-o Dir::Etc::SourceList="$work/etc/sources.list" -o Dir::Etc::SourceParts=/dev/null
                  -o Dir::State::Lists="$work/lists" -o Dir::Cache::Archives="$work/archives"
                  -o Dir::State::Status=/dev/null -o APT::Architecture="$arch" -qq)
  # _apt cannot write into a private folder of root's; the download is signature-checked either way.
  apt-get "${apt_opts[@]}" -o APT::Sandbox::User=root update
  (cd "$work" && apt-get "${apt_opts[@]}" -o APT::Sandbox::User=root download docker-buildx)
  deb=$(ls "$work"/docker-buildx_*.deb | head -n 1)
  [ -f "$deb" ] || die "docker-buildx .deb was not downloaded"
  dpkg-deb -x "$deb" "$work/x"
  local bin
  bin=$(find "$work/x" -type f -path '*/cli-plugins/docker-buildx' | head -n 1)
  [ -n "$bin" ] || die "no docker-buildx binary inside $deb"
  mkdir -p "$PLUGIN_DIR"
  install -m 0755 "$bin" "$PLUGIN_DIR/docker-buildx"
  rm -rf "$work"
  docker buildx version >/dev/null || die "buildx was installed to $PLUGIN_DIR but does not answer"
  log "buildx installed: $(docker buildx version | head -n 1)"
}

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

# A stand-in is only for machines that cannot pull: a real registry image always wins.
obtain_or_build() {
  local name=$1 builder=$2
  if image_present "$name"; then log "base image $name present"; return 0; fi
  if timeout 60 docker pull -q "$name" >/dev/null 2>&1; then log "pulled $name"; return 0; fi
  log "cannot pull $name (no registry reachable); building a local stand-in"
  "$builder" "$name"
}

build_debian() {
  local name=$1 root
  apt_install debootstrap
  root=$(mktemp -d)
  as_root debootstrap --variant=minbase bookworm "$root" "$(debian_mirror)" >"$STATE_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$STATE_DIR/debootstrap.log" >&2; die "debootstrap failed; log: $STATE_DIR/debootstrap.log"; }
  # Trim what the slim image trims too: apt lists and caches are not part of a base image.
  as_root rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
  as_root tar -C "$root" -c . | docker import \
      --change 'CMD ["bash"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --message "image-assert stand-in for $name: debootstrap --variant=minbase bookworm" - "$name" >/dev/null
  as_root rm -rf "$root"
  log "built $name ($(docker image inspect -f '{{.Size}}' "$name") bytes)"
}

build_busybox() {
  local name=$1 ctx
  apt_install busybox-static
  ctx=$(mktemp -d)
  mkdir -p "$ctx/rootfs/bin"
  cp /bin/busybox "$ctx/rootfs/bin/busybox"
  # One symlink per applet, as the upstream image has, so `sh`, `ls`, `id`... exist.
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$ctx/rootfs/bin/$applet"
  done
  mkdir -p "$ctx/rootfs/etc" "$ctx/rootfs/tmp" "$ctx/rootfs/root" "$ctx/rootfs/home"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$ctx/rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$ctx/rootfs/etc/group"
  chmod 1777 "$ctx/rootfs/tmp"
  tar -C "$ctx/rootfs" --owner=0 --group=0 -c . | docker import \
      --change 'CMD ["sh"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --message "image-assert stand-in for $name: static busybox" - "$name" >/dev/null
  rm -rf "$ctx"
  log "built $name ($(docker image inspect -f '{{.Size}}' "$name") bytes)"
}

stop_engine() {
  [ -f "$PID_FILE" ] || die "no dockerd started by this script ($PID_FILE missing)"
  local pid
  pid=$(cat "$PID_FILE")
  as_root kill "$pid" 2>/dev/null || true
  # dockerd stops its containers first; wait so that "stopped" means stopped.
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && die "dockerd ($pid) is still running after 60 s"
  as_root rm -f "$PID_FILE"
  log "dockerd stopped"
}

main() {
  case "${1:-}" in
    --stop) stop_engine; return ;;
    "") ;;
    *) die "unknown option '$1' (use no option, or --stop)" ;;
  esac
  as_root mkdir -p "$STATE_DIR"
  ensure_engine
  ensure_buildx
  command -v skopeo >/dev/null || apt_install skopeo
  obtain_or_build "$DEBIAN_IMAGE" build_debian
  obtain_or_build "$BUSYBOX_IMAGE" build_busybox
  # a real registry next to the engine, for the registry source's tests; Podman's API, for its tests
  bash "$(dirname "$0")/registry.sh"
  bash "$(dirname "$0")/podman.sh"
  # QEMU and an arm64 base image, for builds for another platform
  bash "$(dirname "$0")/platforms.sh"
  # a real browser (headless Chromium and its driver) for the tests that open the run's HTML report
  bash "$(dirname "$0")/browser.sh"
  log "ready"
}

main "$@"
