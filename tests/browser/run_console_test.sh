#!/usr/bin/env bash
# Runs the ops console test in headless Chromium against a private server.
# Usage: tests/browser/run_console_test.sh BUILD_DIR
#
# Starts BUILD_DIR/askpro with the demo tenant (tests/support/demo_server.sh), installs the pinned
# browser driver (npm ci) when it is missing, runs console_test.mjs and leaves a screenshot in
# BUILD_DIR/ops-console.png. Needs Debian's chromium; a missing one fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name=run_console_test
# shellcheck source=../support/demo_server.sh
source "$here/../support/demo_server.sh"

[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
demo_tools "$1"
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || die "Chromium is not installed at $chromium (Debian package: chromium)"
demo_npm "$here" playwright-core
demo_prepare
demo_serve

status=0
node "$here/console_test.mjs" \
  --ops-url "$ops_url" \
  --api-url "$api_url" \
  --retell-key key_demo_0000000000000000000000 \
  --number +493091204410 \
  --chromium "$chromium" \
  --screenshot "$build/ops-console.png" || status=$?
demo_finish "$status"
