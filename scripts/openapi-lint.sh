#!/usr/bin/env bash
# Lints clients/openapi.json with redocly's recommended rules (redocly.yaml); any error or warning fails.
set -uo pipefail
cd "$(dirname "$0")/.."
out="$(npx --yes @redocly/cli@2.77.0 lint --format=stylish clients/openapi.json 2>&1)"
status=$?
printf '%s\n' "$out" | grep -vE '^\s*(║|╔|╚)' | sed '/^\s*$/d'
if grep -qE "You have [0-9]+ warnings?" <<< "$out"; then status=1; fi
exit "$status"
