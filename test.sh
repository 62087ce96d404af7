#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL that it starts and removes.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Customers"); TEST_TARGET
# names one project to build and test instead of the whole solution.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

pg_ensure_binaries
port="${TEST_PG_PORT:-25432}"
# Below the ephemeral range (32768+), so no client socket can hold the port when PostgreSQL binds it.
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
data_dir="$(mktemp -d /tmp/customers-test-pg.XXXXXX)"
cleanup() { pg_stop "$data_dir" || true; rm -rf "$data_dir"; }
trap cleanup EXIT
pg_start "$data_dir" "$port"
export CUSTOMERS_TEST_CONNECTION
CUSTOMERS_TEST_CONNECTION="$(pg_connection_string "$port")"

export CUSTOMERS_TEST_LOG_DIR
CUSTOMERS_TEST_LOG_DIR="$(mktemp -d /tmp/customers-test-logs.XXXXXX)"
log="$(mktemp /tmp/customers-test-log.XXXXXX)"
trap 'cleanup; rm -rf "$CUSTOMERS_TEST_LOG_DIR" "$log"' EXIT
status=0
# The whole solution, samples included: tests start the silo and the sample client as processes.
target="${TEST_TARGET:-Customers.sln}"
if ! dotnet build "$target" -c Release -nologo > "$log" 2>&1; then cat "$log"; exit 1; fi
tail -4 "$log"
if [[ $# -eq 0 ]]; then
  dotnet test Customers.sln -c Release --no-build --filter "Category!=LogScan" 2>&1 | tee "$log" || status=$?
  # Last, over the logs every service of the run wrote: no key, document number or IBAN in clear.
  dotnet test Customers.sln -c Release --no-build --filter "Category=LogScan" 2>&1 | tee -a "$log" || status=$?
else
  dotnet test "$target" -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?
fi

# The committed OpenAPI document against redocly's recommended rules, when node is there to run it.
if command -v node > /dev/null; then
  echo "redocly lint clients/openapi.json"
  scripts/openapi-lint.sh || status=$?
fi

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
