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
#
# As root, the server runs as the OS user "postgres" (initdb refuses root): DIR is owned by it,
# and every parent directory of DIR must be searchable by it. Missing search permission is added
# with chmod o+x. If that is impossible, the cluster is placed under /var/lib/customers-pg/ and
# DIR becomes a symlink to it (the location is printed).

PG_SUPERUSER="${PG_SUPERUSER:-postgres}"
PG_DATABASE="${PG_DATABASE:-customers}"

_pg_log() { printf 'postgres.sh: %s\n' "$*" >&2; }

# Directory that contains initdb, pg_ctl and postgres, or non-zero.
_pg_find_bin_dir() {
    local d cand
    local -a cands=()
    cand="$(command -v initdb 2>/dev/null || true)"
    if [[ -n "$cand" ]]; then cands+=("$(dirname "$cand")"); fi
    cands+=(/usr/local/bin)
    # Highest installed major version first.
    while IFS= read -r d; do
        [[ -n "$d" ]] && cands+=("$d")
    done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -V -r || true)
    for d in "${cands[@]}"; do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
            printf '%s\n' "$d"
            return 0
        fi
    done
    return 1
}

# Major version of the server in a bin dir (e.g. 15).
_pg_bin_major() {
    local v
    v="$("$1/postgres" --version 2>/dev/null)" || return 1
    v="${v#*) }"          # "15.18 (Debian ...)"
    v="${v%%[!0-9]*}"     # "15"
    [[ -n "$v" ]] && printf '%s\n' "$v"
}

_pg_find_psql() {
    local p
    for p in "${PG_BIN:-}/psql" /usr/bin/psql "$(command -v psql 2>/dev/null || true)"; do
        if [[ -n "$p" && -x "$p" ]]; then printf '%s\n' "$p"; return 0; fi
    done
    return 1
}

pg_ensure_binaries() {
    local dir
    if dir="$(_pg_find_bin_dir)"; then
        PG_BIN="$dir"
    else
        _pg_log "PostgreSQL server binaries not found, installing package 'postgresql' with apt-get"
        local -a sudo=()
        if [[ "$(id -u)" -ne 0 ]]; then
            if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
                _pg_log "not root and no sudo: install PostgreSQL (initdb, pg_ctl, postgres) manually"
                return 1
            fi
        fi
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            postgresql postgresql-client >&2 || return 1
        if ! dir="$(_pg_find_bin_dir)"; then
            _pg_log "postgresql installed but initdb/pg_ctl/postgres still not found"
            return 1
        fi
        PG_BIN="$dir"
    fi
    export PG_BIN
    PG_PSQL="$(_pg_find_psql)" || { _pg_log "psql not found"; return 1; }
    export PG_PSQL
    return 0
}

# Run a command as the OS user that owns/should own the cluster ("" = current user).
_pg_as() {
    local user="$1"; shift
    if [[ -z "$user" || "$user" == "$(id -un)" ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$user" -- "$@")
    else
        (cd / && su "$user" -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
}

# The OS user the server must run as: "postgres" when we are root, else ourselves ("").
_pg_run_user() {
    if [[ "$(id -u)" -eq 0 ]]; then printf '%s\n' postgres; else printf '\n'; fi
}

_pg_ensure_os_user() {
    id -u postgres >/dev/null 2>&1 && return 0
    _pg_log "creating system user 'postgres'"
    local -a group=(--user-group)
    if getent group postgres >/dev/null 2>&1; then group=(--gid postgres); fi
    useradd --system "${group[@]}" --no-create-home --home-dir /var/lib/postgresql \
        --shell /bin/sh postgres >&2
}

# 0 if USER can reach (search) every component of the absolute path DIR's parents.
_pg_user_can_reach() {
    local user="$1" dir="$2"
    _pg_as "$user" test -x "$(dirname "$dir")" 2>/dev/null
}

# Make every existing parent of DIR searchable for USER (chmod o+x where missing).
_pg_open_parents() {
    local user="$1" dir="$2" p
    p="$(dirname "$dir")"
    local -a parents=()
    while [[ "$p" != "/" && -n "$p" ]]; do parents=("$p" "${parents[@]}"); p="$(dirname "$p")"; done
    for p in "${parents[@]}"; do
        [[ -d "$p" ]] || break
        if ! _pg_as "$user" test -x "$p" 2>/dev/null; then
            _pg_log "granting search permission (chmod o+x) on $p so '$user' can reach the data directory"
            chmod o+x "$p" 2>/dev/null || return 1
        fi
    done
    _pg_user_can_reach "$user" "$dir"
}

# Print the real data directory for DIR (following a fallback symlink), creating nothing.
_pg_real_dir() {
    local dir="$1"
    [[ "$dir" == /* ]] || dir="$PWD/$dir"
    if [[ -e "$dir" || -L "$dir" ]]; then
        readlink -f -- "$dir"
    else
        # Normalise the existing prefix, keep the rest as given.
        local parent base
        parent="$(dirname "$dir")"; base="$(basename "$dir")"
        if [[ -d "$parent" ]]; then printf '%s/%s\n' "$(readlink -f -- "$parent")" "$base"
        else printf '%s\n' "$dir"; fi
    fi
}

# pids of live (non-zombie) processes whose working directory is DIR: every PostgreSQL
# process of a cluster runs with its data directory as working directory.
_pg_dir_pids() {
    local dir="$1" d cwd state
    for d in /proc/[0-9]*; do
        cwd="$(readlink "$d/cwd" 2>/dev/null)" || continue
        [[ "$cwd" == "$dir" ]] || continue
        state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "$d/status" 2>/dev/null || true)"
        [[ "$state" == Z || -z "$state" ]] && continue
        printf '%s\n' "${d#/proc/}"
    done
}

# State of DIR/postmaster.pid: prints "none", "running PID", "dead" (pid gone: postgres
# handles that itself), "stale" (pid is a zombie or belongs to an unrelated process, which
# would make postgres refuse to start) or "unknown".
_pg_pidfile_state() {
    local dir="$1" pid cmd cwd state
    if [[ ! -f "$dir/postmaster.pid" ]]; then echo none; return 0; fi
    pid="$(head -n1 "$dir/postmaster.pid" 2>/dev/null || true)"
    if ! [[ "$pid" =~ ^[0-9]+$ ]]; then echo unknown; return 0; fi
    if [[ ! -d "/proc/$pid" ]]; then echo dead; return 0; fi
    state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null || true)"
    if [[ "$state" == Z ]]; then echo stale; return 0; fi
    if cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null)"; then
        if [[ "$cwd" == "$dir" ]]; then echo "running $pid"; else echo stale; fi
        return 0
    fi
    # cwd not readable (another user's process): judge by the command line.
    if ! cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)"; then echo unknown; return 0; fi
    case "$cmd" in
        *postgres*|*postmaster*) echo "running $pid" ;;
        "") echo unknown ;;
        *) echo stale ;;
    esac
}

_pg_write_conf() {
    local dir="$1" port="$2" user="$3" sockdir="$4"
    local esc_sock="${sockdir//\'/\'\'}"
    local conf
    conf="$(cat <<EOF
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
wal_compression = on
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
EOF
)"
    printf '%s\n' "$conf" | _pg_as "$user" tee "$dir/customers.conf" >/dev/null || return 1
    if ! grep -q "^include_if_exists = 'customers.conf'" "$dir/postgresql.conf" 2>/dev/null; then
        printf "\n# Added by scripts/postgres.sh\ninclude_if_exists = 'customers.conf'\n" \
            | _pg_as "$user" tee -a "$dir/postgresql.conf" >/dev/null || return 1
    fi
    printf '%s\n%s\n%s\n' \
        "# Written by scripts/postgres.sh: trust, but only on the private socket and 127.0.0.1." \
        "local   all   all                  trust" \
        "host    all   all   127.0.0.1/32   trust" \
        | _pg_as "$user" tee "$dir/pg_hba.conf" >/dev/null
}

pg_start() {
    if [[ $# -ne 2 ]]; then _pg_log "usage: pg_start DIR PORT"; return 2; fi
    local dir="$1" port="$2"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
        _pg_log "invalid port: $port"; return 2
    fi
    [[ -n "${PG_BIN:-}" && -n "${PG_PSQL:-}" ]] || pg_ensure_binaries || return 1

    local user; user="$(_pg_run_user)"
    [[ -z "$user" ]] || _pg_ensure_os_user || return 1
    [[ "$dir" == /* ]] || dir="$PWD/$dir"
    dir="$(_pg_real_dir "$dir")"

    # Make sure the server user can reach DIR; otherwise relocate behind a symlink.
    if [[ -n "$user" ]]; then
        mkdir -p -- "$(dirname "$dir")" || return 1
        if ! _pg_user_can_reach "$user" "$dir" && ! _pg_open_parents "$user" "$dir"; then
            local fallback
            fallback="/var/lib/customers-pg/$(printf '%s' "$dir" | cksum | cut -d' ' -f1)"
            if [[ -d "$dir" && ! -L "$dir" ]]; then
                if [[ -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
                    _pg_log "'$user' cannot reach $dir and it is not empty: cannot relocate it"
                    return 1
                fi
                rmdir -- "$dir" || return 1
            fi
            mkdir -p /var/lib/customers-pg && chmod 755 /var/lib/customers-pg || return 1
            ln -sfn -- "$fallback" "$dir" || return 1
            _pg_log "'$user' cannot reach $(dirname "$dir"): data directory placed at $fallback ($dir -> $fallback)"
            dir="$fallback"
        fi
    fi

    # Create / adopt the directory.
    if [[ ! -f "$dir/PG_VERSION" ]]; then
        if [[ -d "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
            _pg_log "$dir exists, is not empty and holds no PostgreSQL cluster: refusing to use it"
            return 1
        fi
        mkdir -p -- "$dir" || return 1
        if [[ -n "$user" ]]; then chown "$user:" "$dir" || return 1; fi
        chmod 700 "$dir" || return 1
    else
        local owner; owner="$(stat -c %U "$dir")"
        if [[ -n "$user" && "$owner" != "$user" ]]; then
            if [[ "$owner" == root ]]; then _pg_log "$dir is owned by root: cannot run a server on it"; return 1; fi
            user="$owner"
        elif [[ -z "$user" && "$owner" != "$(id -un)" ]]; then
            _pg_log "$dir is owned by '$owner', not by $(id -un)"; return 1
        fi
    fi

    # Use binaries of the cluster's major version when the default ones differ.
    local bin="$PG_BIN"
    if [[ -f "$dir/PG_VERSION" ]]; then
        local want have
        want="$(cat "$dir/PG_VERSION")"; have="$(_pg_bin_major "$bin" || true)"
        if [[ "$want" != "$have" ]]; then
            if [[ -x "/usr/lib/postgresql/$want/bin/postgres" ]]; then bin="/usr/lib/postgresql/$want/bin"
            else _pg_log "cluster in $dir is version $want but the binaries are version $have"; return 1; fi
        fi
    fi

    # Unix socket inside DIR unless the path would exceed the socket path limit (~107 bytes).
    local sockdir="$dir"
    if (( ${#dir} > 90 )); then
        sockdir="/tmp"
        _pg_log "data directory path too long for a unix socket: socket goes to /tmp"
    fi

    local state
    state="$(_pg_pidfile_state "$dir")"
    if [[ "$state" == running* ]]; then
        local running_port
        running_port="$(sed -n 4p "$dir/postmaster.pid" 2>/dev/null || true)"
        if [[ "$running_port" != "$port" ]]; then
            _pg_log "a server (pid ${state#running }) already runs on $dir but on port $running_port, not $port: stop it first (pg_stop $dir)"
            return 1
        fi
        _pg_log "reusing the server already running on $dir (pid ${state#running }, port $port)"
    else
        if [[ ! -f "$dir/PG_VERSION" ]]; then
            _pg_log "initializing a new cluster in $dir"
            local initlog
            initlog="$(mktemp)" || return 1
            if ! _pg_as "$user" "$bin/initdb" -D "$dir" -U "$PG_SUPERUSER" -E UTF8 --no-locale \
                    --auth-local=trust --auth-host=trust >"$initlog" 2>&1; then
                cat "$initlog" >&2; rm -f "$initlog"
                _pg_log "initdb failed"; return 1
            fi
            rm -f "$initlog"
        fi
        if [[ "$state" == stale ]]; then
            # Left by a crash. Remove it only once no process of the old server is alive
            # (orphaned backends exit shortly after their postmaster died).
            local i
            for ((i = 0; i < 30; i++)); do
                [[ -z "$(_pg_dir_pids "$dir")" ]] && break
                sleep 1
            done
            if [[ -n "$(_pg_dir_pids "$dir")" ]]; then
                _pg_log "processes of an old server still use $dir: $(_pg_dir_pids "$dir" | tr '\n' ' ')"
                return 1
            fi
            _pg_log "removing stale $dir/postmaster.pid (its pid is no longer a server of this cluster)"
            local oldpid socklock="$sockdir/.s.PGSQL.$port.lock"
            oldpid="$(head -n1 "$dir/postmaster.pid" 2>/dev/null || true)"
            rm -f "$dir/postmaster.pid"
            if [[ -f "$socklock" && "$(head -n1 "$socklock" 2>/dev/null || true)" == "$oldpid" ]]; then
                rm -f "$socklock"
            fi
        fi
        _pg_write_conf "$dir" "$port" "$user" "$sockdir" || { _pg_log "could not write configuration"; return 1; }
        if ! _pg_as "$user" "$bin/pg_ctl" -D "$dir" -l "$dir/postgresql.log" -w -t 120 start >/dev/null; then
            _pg_log "pg_ctl start failed, last lines of $dir/postgresql.log:"
            tail -n 20 "$dir/postgresql.log" >&2 2>/dev/null || true
            return 1
        fi
        _pg_log "started PostgreSQL on 127.0.0.1:$port (data $dir, log $dir/postgresql.log)"
    fi

    # Wait until it accepts connections (a reused server may still be starting up).
    local tries
    for ((tries = 0; tries < 60; tries++)); do
        PGCONNECT_TIMEOUT=5 "$PG_PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres \
            -tA -c "SELECT 1" >/dev/null 2>&1 && break
        sleep 1
    done

    # Create the application database if it does not exist yet.
    local exists
    exists="$(PGCONNECT_TIMEOUT=10 "$PG_PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres -tA \
        -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" || { _pg_log "cannot connect to 127.0.0.1:$port"; return 1; }
    if [[ "$exists" != 1 ]]; then
        if ! "$PG_PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres \
                -c "CREATE DATABASE \"$PG_DATABASE\"" >/dev/null 2>&1; then
            # Tolerate a concurrent creator.
            exists="$("$PG_PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres -tA \
                -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" || true)"
            [[ "$exists" == 1 ]] || { _pg_log "could not create database $PG_DATABASE"; return 1; }
        else
            _pg_log "created database $PG_DATABASE"
        fi
    fi
    return 0
}

pg_stop() {
    if [[ $# -ne 1 ]]; then _pg_log "usage: pg_stop DIR"; return 2; fi
    local dir; dir="$(_pg_real_dir "$1")"
    [[ -f "$dir/PG_VERSION" ]] || return 0
    # Only signal a pid that really is this cluster's server: after a crash the pid in
    # postmaster.pid may belong to an unrelated process, which pg_ctl would signal.
    local state; state="$(_pg_pidfile_state "$dir")"
    case "$state" in
        none|dead|stale) return 0 ;;
    esac
    [[ -n "${PG_BIN:-}" ]] || pg_ensure_binaries || return 1
    local bin="$PG_BIN" want
    want="$(cat "$dir/PG_VERSION")"
    if [[ -x "/usr/lib/postgresql/$want/bin/pg_ctl" ]]; then bin="/usr/lib/postgresql/$want/bin"; fi
    local user=""
    if [[ "$(id -u)" -eq 0 ]]; then user="$(stat -c %U "$dir")"; fi
    if _pg_as "$user" "$bin/pg_ctl" -D "$dir" -m fast -w -t 120 stop >/dev/null 2>&1; then
        _pg_log "stopped PostgreSQL ($dir)"
        return 0
    fi
    # pg_ctl status: 3 = not running, 4 = no cluster.
    local rc=0
    _pg_as "$user" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1 || rc=$?
    if [[ $rc -eq 3 || $rc -eq 4 ]]; then return 0; fi
    _pg_log "pg_ctl stop failed for $dir"
    return 1
}

pg_connection_string() {
    if [[ $# -ne 1 ]]; then _pg_log "usage: pg_connection_string PORT"; return 2; fi
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Pooling=true;Maximum Pool Size=100\n' \
        "$1" "$PG_DATABASE" "$PG_SUPERUSER"
}
