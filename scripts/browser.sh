#!/usr/bin/env bash
# Provides the real browser the report tests drive: Debian's chromium and its matching chromium-driver,
# run headless by Selenium (junit-extension's *BrowserIT), so no browser or driver is ever downloaded.
#
# Idempotent: when both packages are installed and the driver answers, nothing is done.
#   bash scripts/browser.sh          install them when missing, then print their versions
set -euo pipefail

log() { printf '[browser] %s\n' "$*" >&2; }
die() { printf '[browser] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "'$*' needs root; run this script as root or install sudo"
  fi
}

installed() { dpkg -s chromium >/dev/null 2>&1 && dpkg -s chromium-driver >/dev/null 2>&1; }

main() {
  if ! installed; then
    command -v apt-get >/dev/null || die "cannot install chromium: this is not a Debian-like machine; install chromium and chromedriver by hand"
    log "installing chromium and chromium-driver (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  [ -x /usr/bin/chromedriver ] || die "/usr/bin/chromedriver is missing after installing chromium-driver"
  log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown'); $(/usr/bin/chromedriver --version | head -n 1)"
}

main "$@"
