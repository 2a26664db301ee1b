# Shared by the shell test runners: a private site (fresh SQLite database with the demo tenant)
# and, on demand, an `askpro serve` on it. Source it after setting `askpro` and `root`.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/askpro-shell.XXXXXX")"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "shell test: FAIL: $*" >&2; exit 1; }

export ASKPRO_STORAGE_DRIVER=sqlite ASKPRO_STORAGE_SQLITE_PATH="$tmp/a.db" ASKPRO_REDIS_URL=""
export ASKPRO_HTTP_LISTEN=127.0.0.1:0 ASKPRO_OPS_LISTEN=127.0.0.1:0 ASKPRO_LOG_FORMAT=text
export ASKPRO_OPS_TOKEN="shell-test-$$"
config="$root/config/askpro.toml"
cd "$tmp"
"$askpro" migrate --config "$config" >/dev/null 2>&1 || fail "migrate"
"$askpro" tenant apply --config "$config" "$root/config/demo-tenant.json" >/dev/null 2>&1 \
  || fail "tenant apply"

# start_serve: runs askpro serve in the background; sets ops_url and api_url.
start_serve() {
  # The log exists before the server opens it: the first sed below may run before the forked
  # child's redirection, and a failing sed ends the script (set -e).
  : >"$tmp/serve.log"
  "$askpro" serve --config "$config" >>"$tmp/serve.log" 2>&1 &
  server_pid=$!
  ops_url="" api_url=""
  for _ in $(seq 1 300); do
    ops_url="$(sed -n 's|^askpro: ops listening on \(http://[^/ ]*\).*|\1|p' "$tmp/serve.log")"
    api_url="$(sed -n 's|^askpro: API listening on \(http://[^ ]*\)|\1|p' "$tmp/serve.log")"
    [ -n "$ops_url" ] && return 0
    sleep 0.1
  done
  cat "$tmp/serve.log" >&2
  fail "serve did not start"
}
