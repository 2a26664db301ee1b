#!/usr/bin/env bash
# Runs the official MCP TypeScript SDK as a client of POST /mcp against a private server.
# Usage: tests/mcp/run_mcp_client_test.sh BUILD_DIR
#
# Starts BUILD_DIR/askpro on free loopback ports with a fresh SQLite database and the demo tenant,
# creates a tenant API token with `askpro token create`, installs the pinned SDK (npm ci) when it
# is missing and runs mcp_client_test.mjs. Needs node (>= 18) and npm; a missing one fails the
# run, nothing is skipped.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

die() { echo "run_mcp_client_test: FAIL: $*" >&2; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build="$(cd "$1" 2>/dev/null && pwd)" || die "no build directory $1"
askpro="$build/askpro"
[ -x "$askpro" ] || die "$askpro is missing (build the askpro target first)"

command -v node >/dev/null || die "node is not installed (Debian package: nodejs)"
command -v npm >/dev/null || die "npm is not installed (Debian package: npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
  || die "node $(node --version) is too old; the test needs node >= 18"

if [ ! -f "$here/node_modules/@modelcontextprotocol/sdk/package.json" ]; then
  echo "run_mcp_client_test: installing the pinned MCP SDK (npm ci)"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund) || die "npm ci failed in $here"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/askpro-mcp.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ASKPRO_OPS_TOKEN="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ASKPRO_OPS_TOKEN
export ASKPRO_STORAGE_DRIVER=sqlite
export ASKPRO_STORAGE_SQLITE_PATH="$tmp/a.db"
export ASKPRO_HTTP_LISTEN=127.0.0.1:0
export ASKPRO_OPS_LISTEN=127.0.0.1:0
export ASKPRO_LOG_FORMAT=text
export ASKPRO_REDIS_URL=""
config="$root/config/askpro.toml"

# Everything runs in the temp dir: serve creates the data keys (keys.toml) beside the database
# on its first start; migrate, tenant apply and token create need none.
cd "$tmp"
"$askpro" migrate --config "$config" >"$tmp/migrate.log" 2>&1 \
  || { cat "$tmp/migrate.log" >&2; die "askpro migrate failed"; }
"$askpro" tenant apply --config "$config" "$root/config/demo-tenant.json" >"$tmp/tenant.log" 2>&1 \
  || { cat "$tmp/tenant.log" >&2; die "askpro tenant apply failed"; }
# The secret is the last line on stdout; the notes go to stderr.
"$askpro" token create --config "$config" --tenant salon-lindenblatt --name mcp-client-test \
  >"$tmp/token.out" 2>"$tmp/token.log" \
  || { cat "$tmp/token.log" >&2; die "askpro token create failed"; }
token="$(tail -n 1 "$tmp/token.out")"
[[ "$token" == apk_* ]] || { cat "$tmp/token.out" "$tmp/token.log" >&2; die "no apk_ token printed"; }

"$askpro" serve --config "$config" >"$tmp/serve.log" 2>&1 &
server_pid=$!

api_url=""
for _ in $(seq 1 300); do
  api_url="$(sed -n 's|^askpro: API listening on \(http://[^ ]*\).*|\1|p' "$tmp/serve.log" | head -n 1)"
  [ -n "$api_url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; die "askpro serve exited during start-up"; }
  sleep 0.1
done
if [ -z "$api_url" ]; then
  cat "$tmp/serve.log" >&2
  die "askpro serve did not print its API listener within 30 s"
fi
echo "run_mcp_client_test: server up; API $api_url"

status=0
node "$here/mcp_client_test.mjs" --api-url "$api_url" --token "$token" || status=$?

if [ "$status" -ne 0 ]; then
  echo "run_mcp_client_test: the server's log (last 60 lines):" >&2
  tail -n 60 "$tmp/serve.log" >&2
  exit "$status"
fi
