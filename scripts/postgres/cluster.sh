# shellcheck shell=bash
# Starting and stopping a cluster in a directory, and the application database in it.

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

# Make DIR an empty directory of USER's, mode 700, unless it already holds something else.
_pg_new_dir() {
  local dir="$1" user="$2"
  if [[ -d "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
    _pg_log "$dir exists, is not empty and holds no PostgreSQL cluster: refusing to use it"
    return 1
  fi
  mkdir -p -- "$dir" || return 1
  if [[ -n "$user" ]]; then chown "$user:" "$dir" || return 1; fi
  chmod 700 "$dir"
}

_pg_psql() {
  local port="$1"; shift
  PGCONNECT_TIMEOUT=5 "$PG_PSQL" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres "$@"
}

_pg_has_database() {
  [[ "$(_pg_psql "$1" -tA -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" == 1 ]]
}

_pg_ensure_database() {
  local port="$1" i
  # A reused server may still be starting up.
  for ((i = 0; ; i++)); do
    _pg_psql "$port" -tA -c "SELECT 1" >/dev/null 2>&1 && break
    (( i < 60 )) || { _pg_log "cannot connect to 127.0.0.1:$port"; return 1; }
    sleep 1
  done
  _pg_has_database "$port" && return 0
  if _pg_psql "$port" -c "CREATE DATABASE \"$PG_DATABASE\"" >/dev/null 2>&1; then
    _pg_log "created database $PG_DATABASE"
  elif ! _pg_has_database "$port"; then   # else a concurrent creator was first
    _pg_log "could not create database $PG_DATABASE"
    return 1
  fi
}

pg_start() {
  if [[ $# -ne 2 ]]; then _pg_log "usage: pg_start DIR PORT"; return 2; fi
  local dir port="$2"
  if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
    _pg_log "invalid port: $port"; return 2
  fi
  [[ -n "${PG_BIN:-}" && -n "${PG_PSQL:-}" ]] || pg_ensure_binaries || return 1
  dir="$(_pg_real_dir "$1")"

  local user; user="$(_pg_run_user)"
  if [[ -n "$user" ]]; then
    _pg_ensure_os_user || return 1
    dir="$(_pg_reachable_dir "$user" "$dir")" || return 1
  fi

  local bin="$PG_BIN"
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    _pg_new_dir "$dir" "$user" || return 1
  else
    local owner; owner="$(stat -c %U "$dir")"
    if [[ -n "$user" && "$owner" != "$user" ]]; then
      if [[ "$owner" == root ]]; then _pg_log "$dir is owned by root: cannot run a server on it"; return 1; fi
      user="$owner"
    elif [[ -z "$user" && "$owner" != "$(id -un)" ]]; then
      _pg_log "$dir is owned by '$owner', not by $(id -un)"; return 1
    fi
    bin="$(_pg_cluster_bin "$dir")" || return 1
  fi

  # Unix socket inside DIR unless the path would exceed the socket path limit (~107 bytes).
  local sockdir="$dir"
  if (( ${#dir} > 90 )); then
    sockdir="/tmp"
    _pg_log "data directory path too long for a unix socket: socket goes to /tmp"
  fi

  local state; state="$(_pg_pidfile_state "$dir")"
  if [[ "$state" == running* ]]; then
    local running_port; running_port="$(sed -n 4p "$dir/postmaster.pid" 2>/dev/null || true)"
    if [[ "$running_port" != "$port" ]]; then
      _pg_log "a server (pid ${state#running }) already runs on $dir but on port $running_port, not $port: stop it first (pg_stop $dir)"
      return 1
    fi
    _pg_log "reusing the server already running on $dir (pid ${state#running }, port $port)"
  else
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      _pg_log "initializing a new cluster in $dir"
      local initlog
      if ! initlog="$(_pg_as "$user" "$bin/initdb" -D "$dir" -U "$PG_SUPERUSER" -E UTF8 --no-locale \
          --auth-local=trust --auth-host=trust 2>&1)"; then
        printf '%s\n' "$initlog" >&2
        _pg_log "initdb failed"; return 1
      fi
    fi
    if [[ "$state" == stale ]]; then _pg_remove_stale_pidfile "$dir" "$sockdir" "$port" || return 1; fi
    _pg_write_conf "$dir" "$port" "$user" "$sockdir" "$bin" || { _pg_log "could not write configuration"; return 1; }
    if ! _pg_as "$user" "$bin/pg_ctl" -D "$dir" -l "$dir/postgresql.log" -w -t 120 start >/dev/null; then
      _pg_log "pg_ctl start failed, last lines of $dir/postgresql.log:"
      tail -n 20 "$dir/postgresql.log" >&2 2>/dev/null || true
      return 1
    fi
    _pg_log "started PostgreSQL on 127.0.0.1:$port (data $dir, log $dir/postgresql.log)"
  fi
  _pg_ensure_database "$port"
}

pg_stop() {
  if [[ $# -ne 1 ]]; then _pg_log "usage: pg_stop DIR"; return 2; fi
  local dir; dir="$(_pg_real_dir "$1")"
  [[ -f "$dir/PG_VERSION" ]] || return 0
  # Only signal a pid that really is this cluster's server.
  case "$(_pg_pidfile_state "$dir")" in
    none|dead|stale) return 0 ;;
  esac
  [[ -n "${PG_BIN:-}" ]] || pg_ensure_binaries || return 1
  local bin; bin="$(_pg_cluster_bin "$dir" 2>/dev/null)" || bin="$PG_BIN"
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
