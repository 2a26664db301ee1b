# Shared helpers of scripts/serve, scripts/test and scripts/bench. Sourced, not run.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${ASKPRO_BUILD_DIR:-$ROOT/build}"

# Debian packages needed to build and run the server.
BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git ca-certificates
  libcaf-dev libcpp-httplib-dev libmysqlcppconn-dev libhiredis-dev nlohmann-json3-dev
  libspdlog-dev catch2 libsqlite3-dev sqlite3 libtomlplusplus-dev libcli11-dev
  libhowardhinnant-date-dev tzdata libphonenumber-dev libssl-dev libcurl4-openssl-dev
  liblua5.4-dev libedit-dev zlib1g-dev libbrotli-dev
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"; fi
}

# ensure_packages PKG... — installs the Debian packages that are missing (apt-get update first).
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq || die "apt-get update failed"
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
}

# build [TARGET...] — configures (once) and builds with Ninja and ccache.
build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    log "configuring in $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null \
      || die "cmake configure failed"
  fi
  log "building"
  cmake --build "$BUILD_DIR" -- -j"$(nproc)" "$@" || die "build failed"
}

# free_port — prints a TCP port on 127.0.0.1 that nothing listens on. Below the kernel's ephemeral
# range (32768 and up): there, a client socket of an earlier test lingering in TIME-WAIT on that
# port makes a server's bind fail although nothing listens.
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  die "no free port found"
}
