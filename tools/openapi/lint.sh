#!/usr/bin/env bash
# Lints an OpenAPI document (default: net/api/openapi.json) with the pinned @redocly/cli,
# installing it into tools/openapi/node_modules from package-lock.json first when missing.
# Exits non-zero when the document is invalid or has any finding.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
doc="${1:-$here/../../net/api/openapi.json}"
if [ ! -x "$here/node_modules/.bin/redocly" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
cd "$here"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint --config "$here/redocly.yaml" --format stylish "$doc"
