#!/usr/bin/env bash
# Runs one Lua script of tests/shell through `askpro shell` on a private site (fresh SQLite
# database with the demo tenant).
# Usage: tests/shell/run.sh BUILD_DIR MODE SCRIPT.lua
#   MODE local      in-process: askpro shell SCRIPT
#   MODE attached   against a running askpro serve: askpro shell --connect URL --token T SCRIPT;
#                   afterwards the server must still answer /api/health and a new eval
#   MODE badtoken   attached with a wrong token: must exit 1
# A script whose first line is `-- expect-error: TEXT` must exit 1 with TEXT on stderr; any
# other script must exit 0. A line `-- then-api: PATH TEXT` makes attached runs check the tenant
# REST API afterwards (a fresh admin token; TEXT in the answer to GET PATH).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -eq 3 ] || { echo "usage: $0 BUILD_DIR local|attached|badtoken SCRIPT" >&2; exit 2; }
askpro="$(cd "$1" && pwd)/askpro"
mode="$2"
script="$3"

source "$here/site.sh"

args=("$script")
if [ "$mode" != local ]; then
  start_serve
  token="$ASKPRO_OPS_TOKEN"
  [ "$mode" = badtoken ] && token="wrong-$token"
  args=(--connect "$ops_url" --token "$token" "$script")
fi

set +e
"$askpro" shell --config "$config" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit $rc"
expect="$(sed -n '1s/^-- expect-error: //p' "$script")"
if [ "$mode" = badtoken ]; then
  [ "$rc" -eq 1 ] || fail "a wrong token must exit 1, got $rc"
  grep -q "401" "$tmp/err" || fail "the refusal does not name HTTP 401"
elif [ -n "$expect" ]; then
  [ "$rc" -eq 1 ] || fail "expected exit 1, got $rc"
  grep -qF "$expect" "$tmp/err" || fail "stderr lacks '$expect'"
else
  [ "$rc" -eq 0 ] || fail "exit $rc"
fi
# `-- then-api: PATH TEXT` (attached runs): the tenant REST API answers PATH with TEXT in it.
api_check="$(sed -n 's/^-- then-api: //p' "$script")"
if [ -n "$server_pid" ] && [ -n "$api_check" ]; then
  token="$("$askpro" token create --config "$config" --tenant salon-lindenblatt --name shell-test \
    2>/dev/null | tail -n 1)"
  body="$(curl -fsS -H "Authorization: Bearer $token" "$api_url${api_check%% *}")" \
    || fail "the API refused ${api_check%% *}"
  grep -qF -- "${api_check#* }" <<<"$body" || fail "the API's ${api_check%% *} lacks '${api_check#* }'"
  echo "the API shows it: ${api_check}"
fi
if [ -n "$server_pid" ]; then  # the server still serves, its ops and its evals
  curl -fsS "$api_url/api/health" >/dev/null || fail "the server stopped answering /api/health"
  ASKPRO_OPS_TOKEN="$ASKPRO_OPS_TOKEN" "$askpro" shell --config "$config" --connect "$ops_url" \
    -e 'return 40 + 2' | grep -qx 42 || fail "the server stopped answering evals"
fi
echo "shell test: ok ($mode $(basename "$script"))"
