# Sourced by the node-driven end-to-end tests (tests/browser, tests/mcp): a private
# `askpro serve` on free loopback ports with a fresh SQLite database and the demo tenant,
# always stopped on exit. The sourcing script sets `name` (its messages' prefix) first.
# Needs node (>= 18) and npm; a missing one fails the run, nothing is skipped.

support_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$support_dir/../.." && pwd)"
config="$root/config/askpro.toml"

die() { echo "$name: FAIL: $*" >&2; exit 1; }

# demo_tools BUILD_DIR: sets `build` and `askpro`; checks node and npm.
demo_tools() {
  build="$(cd "$1" 2>/dev/null && pwd)" || die "no build directory $1"
  askpro="$build/askpro"
  [ -x "$askpro" ] || die "$askpro is missing (build the askpro target first)"
  command -v node >/dev/null || die "node is not installed (Debian package: nodejs)"
  command -v npm >/dev/null || die "npm is not installed (Debian package: npm)"
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
    || die "node $(node --version) is too old; the test needs node >= 18"
}

# demo_npm DIR PACKAGE: installs DIR's pinned packages (npm ci) unless PACKAGE is there.
demo_npm() {
  if [ ! -f "$1/node_modules/$2/package.json" ]; then
    echo "$name: installing the pinned $2 (npm ci)"
    (cd "$1" && npm ci --ignore-scripts --no-audit --no-fund) || die "npm ci failed in $1"
  fi
}

demo_cleanup() {
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}

# demo_prepare: a temp dir (the working directory from now on: serve creates the data keys
# beside the database there), the environment, the migrated database and the demo tenant.
demo_prepare() {
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/askpro-$name.XXXXXX")"
  server_pid=""
  trap demo_cleanup EXIT
  trap 'exit 130' INT TERM
  ASKPRO_OPS_TOKEN="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export ASKPRO_OPS_TOKEN
  export ASKPRO_STORAGE_DRIVER=sqlite
  export ASKPRO_STORAGE_SQLITE_PATH="$tmp/a.db"
  export ASKPRO_HTTP_LISTEN=127.0.0.1:0
  export ASKPRO_OPS_LISTEN=127.0.0.1:0
  export ASKPRO_LOG_FORMAT=text
  export ASKPRO_REDIS_URL=""
  cd "$tmp"
  "$askpro" migrate --config "$config" >"$tmp/migrate.log" 2>&1 \
    || { cat "$tmp/migrate.log" >&2; die "askpro migrate failed"; }
  "$askpro" tenant apply --config "$config" "$root/config/demo-tenant.json" >"$tmp/tenant.log" 2>&1 \
    || { cat "$tmp/tenant.log" >&2; die "askpro tenant apply failed"; }
}

# demo_serve: starts serve; sets `api_url` and `ops_url` once both listeners are up.
demo_serve() {
  "$askpro" serve --config "$config" >"$tmp/serve.log" 2>&1 &
  server_pid=$!
  api_url=""
  ops_url=""
  for _ in $(seq 1 300); do
    api_url="$(sed -n 's|^askpro: API listening on \(http://[^ ]*\).*|\1|p' "$tmp/serve.log" | head -n 1)"
    ops_url="$(sed -n 's|^askpro: ops listening on \(http://[^/ ]*\).*|\1|p' "$tmp/serve.log" | head -n 1)"
    [ -n "$api_url" ] && [ -n "$ops_url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; die "askpro serve exited during start-up"; }
    sleep 0.1
  done
  if [ -z "$api_url" ] || [ -z "$ops_url" ]; then
    cat "$tmp/serve.log" >&2
    die "askpro serve did not print its listeners within 30 s"
  fi
  echo "$name: server up; API $api_url, ops $ops_url"
}

# demo_finish STATUS: on failure, the server's log tail and the exit with STATUS.
demo_finish() {
  if [ "$1" -ne 0 ]; then
    echo "$name: the server's log (last 60 lines):" >&2
    tail -n 60 "$tmp/serve.log" >&2
    exit "$1"
  fi
}
