# shellcheck shell=bash
# scripts/postgres.sh - a local, throwaway-or-persistent PostgreSQL for run.sh / test.sh.
#
# Source it, then:
#   pg_ensure_binaries              find (or apt-get install) initdb/pg_ctl/postgres, export PG_BIN
#   pg_start DIR PORT               initdb DIR if needed, start on 127.0.0.1:PORT, create db "customers"
#   pg_stop DIR                     pg_ctl stop -m fast (no-op when not running)
#   pg_connection_string PORT       print the Npgsql connection string
#
# Safe to source from scripts running with `set -euo pipefail`: functions return non-zero on
# failure and never call `exit`. Messages go to stderr, prefixed with "postgres.sh:".
# Each concern lives in its own file under scripts/postgres/.

PG_SUPERUSER="${PG_SUPERUSER:-postgres}"
PG_DATABASE="${PG_DATABASE:-customers}"

_pg_log() { printf 'postgres.sh: %s\n' "$*" >&2; }

_pg_lib="$(dirname "${BASH_SOURCE[0]}")/postgres"
# shellcheck source=postgres/binaries.sh
source "$_pg_lib/binaries.sh"
# shellcheck source=postgres/run-as.sh
source "$_pg_lib/run-as.sh"
# shellcheck source=postgres/pidfile.sh
source "$_pg_lib/pidfile.sh"
# shellcheck source=postgres/tuning.sh
source "$_pg_lib/tuning.sh"
# shellcheck source=postgres/cluster.sh
source "$_pg_lib/cluster.sh"
unset _pg_lib
