#!/usr/bin/env bash
# Runs the official MCP TypeScript SDK as a client of POST /mcp against a private server.
# Usage: tests/mcp/run_mcp_client_test.sh BUILD_DIR
#
# Starts BUILD_DIR/askpro with the demo tenant (tests/support/demo_server.sh), creates a tenant
# API token with `askpro token create`, installs the pinned SDK (npm ci) when it is missing and
# runs mcp_client_test.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name=run_mcp_client_test
# shellcheck source=../support/demo_server.sh
source "$here/../support/demo_server.sh"

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
demo_tools "$1"
demo_npm "$here" @modelcontextprotocol/sdk
demo_prepare

# The secret is the last line on stdout; the notes go to stderr.
"$askpro" token create --config "$config" --tenant salon-lindenblatt --name mcp-client-test \
  >"$tmp/token.out" 2>"$tmp/token.log" \
  || { cat "$tmp/token.log" >&2; die "askpro token create failed"; }
token="$(tail -n 1 "$tmp/token.out")"
[[ "$token" == apk_* ]] || { cat "$tmp/token.out" "$tmp/token.log" >&2; die "no apk_ token printed"; }

demo_serve
status=0
node "$here/mcp_client_test.mjs" --api-url "$api_url" --token "$token" || status=$?
demo_finish "$status"
