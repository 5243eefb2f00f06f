#!/usr/bin/env bash
# Makes sure a Docker engine answers and the project's base image exists.
# Idempotent: prints nothing and exits 0 when there is nothing to do.
#
#   scripts/setup-docker.sh            engine + base image
#   AGENTIC_BASE_IMAGE=name:tag ...    another image name (default agentic/base:bookworm)
#   AGENTIC_DEBIAN_MIRROR=url ...      mirror for debootstrap (default: the host's apt mirror)
set -euo pipefail

IMAGE="${AGENTIC_BASE_IMAGE:-agentic/base:bookworm}"
SUITE=bookworm
PACKAGES=python3,python3-pytest,git,patch,procps,make,sqlite3,jq,ca-certificates,less,file,diffutils,findutils,grep,sed,gawk,curl
DOCKERD_LOG=/var/log/agentic-dockerd.log
DOCKERD_PID=/var/run/docker.pid
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf '[setup-docker] %s\n' "$*"; }
die() { printf '[setup-docker] error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
timed() { # timed "label" cmd...: runs cmd and prints how long it took
  local label=$1 start; start=$(now_ms); shift
  "$@"
  local ms=$(( $(now_ms) - start ))
  say "$label took $((ms / 1000)).$(( (ms % 1000) / 100 )) s"
}
quietly() { # quietly log cmd...: runs cmd with its output in log, shown only when it fails
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    die "'$*' failed; full log: $log"
  fi
  rm -f "$log"
}
engine_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  quietly /tmp/agentic-apt-update.log apt-get update
  quietly /tmp/agentic-apt-install.log apt-get install -y --no-install-recommends "${missing[@]}"
}

start_dockerd() {
  if [ -f "$DOCKERD_PID" ]; then
    local pid; pid=$(cat "$DOCKERD_PID" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      say "dockerd (pid $pid) is running but does not answer yet; waiting"
    else
      say "removing stale pid file $DOCKERD_PID"
      rm -f "$DOCKERD_PID"
    fi
  fi
  if [ ! -f "$DOCKERD_PID" ]; then
    # No bridge, no iptables: containers run with network mode none only.
    nohup dockerd --bridge=none --iptables=false --ip-masq=false >"$DOCKERD_LOG" 2>&1 &
  fi
  local i
  for i in $(seq 1 60); do
    engine_answers && return 0
    sleep 1
  done
  tail -n 20 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not answer within 60 s; its log is $DOCKERD_LOG"
}

ensure_engine() {
  engine_answers && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "no Docker engine answers 'docker info'. Start Docker (Docker Desktop, or 'sudo systemctl start docker'), or run this script as root on Debian/Ubuntu to install docker.io."
  fi
  timed "installing packages" install_packages
  timed "starting dockerd" start_dockerd
}

apt_mirror() {
  if [ -n "${AGENTIC_DEBIAN_MIRROR:-}" ]; then echo "$AGENTIC_DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(grep -hE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | grep -v security | sed -E 's/^URIs:[[:space:]]*//; s/^deb (\[[^]]*\] )?([^ ]+).*/\2/' | head -n 1)
  echo "${uri:-http://deb.debian.org/debian}"
}

build_from_registry() {
  timeout 60 docker pull -q debian:bookworm-slim >/dev/null 2>&1 || return 1
  say "registry reachable: building $IMAGE from $here/base-image/Dockerfile"
  timed "docker build" docker build -q -t "$IMAGE" "$here/base-image" >/dev/null
}

build_with_debootstrap() {
  [ "$(id -u)" -eq 0 ] || die "building $IMAGE offline needs root (debootstrap); run this script as root"
  command -v debootstrap >/dev/null 2>&1 || timed "installing debootstrap" install_packages
  ROOTFS=$(mktemp -d /tmp/agentic-rootfs.XXXXXX)
  trap 'rm -rf "$ROOTFS"' EXIT
  local root=$ROOTFS mirror; mirror=$(apt_mirror)
  say "no registry: building $IMAGE with debootstrap from $mirror"
  timed "debootstrap" quietly /tmp/agentic-debootstrap.log \
    debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$root" "$mirror"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  timed "docker import" sh -c "tar -C '$root' -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'WORKDIR /' \
      --change 'CMD [\"/bin/bash\"]' - '$IMAGE' >/dev/null"
}

ensure_image() {
  docker image inspect "$IMAGE" >/dev/null 2>&1 && return 0
  build_from_registry || build_with_debootstrap
  local size; size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
  say "$IMAGE is ready ($((size / 1024 / 1024)) MB)"
  timed "docker run --rm --network none $IMAGE true" docker run --rm --network none "$IMAGE" true
}

ensure_engine
ensure_image
