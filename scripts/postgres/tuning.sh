# shellcheck shell=bash
# The server's configuration, rewritten on every start so a changed setting here takes effect.

# The wal_compression the server in bin dir BIN takes. Nearly every write after a checkpoint carries
# a full page image: lz4 compresses them for a fraction of pglz's CPU (about 90 µs of the server's
# CPU per customer write on 2 cores). It needs PostgreSQL 15 built with lz4; "on" (pglz) otherwise.
_pg_wal_compression() {
  local bin="$1" major server
  major="$(_pg_bin_major "$bin" || true)"
  server="$(readlink -f "$bin/postgres" 2>/dev/null || true)"
  if [[ -n "$major" && -n "$server" ]] && (( major >= 15 )) && ldd "$server" 2>/dev/null | grep -q liblz4; then
    printf 'lz4\n'
  else
    printf 'on\n'
  fi
}

# Write DIR/customers.conf (included from postgresql.conf) and DIR/pg_hba.conf as USER, for the
# server in bin dir BIN.
_pg_write_conf() {
  local dir="$1" port="$2" user="$3" sockdir="$4" bin="$5"
  local esc_sock="${sockdir//\'/\'\'}"
  local wal_compression; wal_compression="$(_pg_wal_compression "$bin")"
  _pg_as "$user" tee "$dir/customers.conf" >/dev/null <<EOF_CONF || return 1
# Written by scripts/postgres.sh on every pg_start. Do not edit (changes are overwritten).
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$esc_sock'
max_connections = 200

timezone = 'UTC'
log_timezone = 'UTC'
datestyle = 'iso, ymd'
lc_messages = 'C'

# Durability: keep every safety on.
fsync = on
synchronous_commit = on
full_page_writes = on
wal_level = replica

# Sized for a 2-core / 24 GB machine shared with the application.
shared_buffers = 256MB
effective_cache_size = 4GB
work_mem = 8MB
maintenance_work_mem = 256MB
wal_buffers = 16MB
wal_compression = $wal_compression
min_wal_size = 512MB
max_wal_size = 4GB
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
random_page_cost = 1.1
effective_io_concurrency = 100
max_worker_processes = 4
max_parallel_workers = 2
max_parallel_workers_per_gather = 1
max_parallel_maintenance_workers = 1
jit = off

# Logging (the server log is $dir/postgresql.log).
log_min_duration_statement = 1000
log_lock_waits = on
log_temp_files = 0
EOF_CONF
  if ! grep -q "^include_if_exists = 'customers.conf'" "$dir/postgresql.conf" 2>/dev/null; then
    printf "\n# Added by scripts/postgres.sh\ninclude_if_exists = 'customers.conf'\n" \
      | _pg_as "$user" tee -a "$dir/postgresql.conf" >/dev/null || return 1
  fi
  _pg_as "$user" tee "$dir/pg_hba.conf" >/dev/null <<'EOF_HBA'
# Written by scripts/postgres.sh: trust, but only on the private socket and 127.0.0.1.
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
EOF_HBA
}
