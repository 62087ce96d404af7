# shellcheck shell=bash
# Finding the PostgreSQL binaries, installing them with apt-get when there are none.

# Directory that contains initdb, pg_ctl and postgres, or non-zero.
_pg_find_bin_dir() {
  local d
  local -a cands=()
  d="$(command -v initdb 2>/dev/null)" && cands+=("$(dirname "$d")")
  cands+=(/usr/local/bin)
  # Highest installed major version first.
  while IFS= read -r d; do cands+=("$d"); done \
    < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -V -r)
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

# Bin dir matching the major version of the cluster in DIR: a cluster only starts under the
# server version that created it, which need not be the default one.
_pg_cluster_bin() {
  local want have
  want="$(cat "$1/PG_VERSION")"
  have="$(_pg_bin_major "$PG_BIN" || true)"
  if [[ "$want" == "$have" ]]; then printf '%s\n' "$PG_BIN"
  elif [[ -x "/usr/lib/postgresql/$want/bin/postgres" ]]; then printf '%s\n' "/usr/lib/postgresql/$want/bin"
  else _pg_log "cluster in $1 is version $want but the binaries are version $have"; return 1; fi
}

_pg_apt_install() {
  _pg_log "PostgreSQL server binaries not found, installing package 'postgresql' with apt-get"
  local -a sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || {
      _pg_log "not root and no sudo: install PostgreSQL (initdb, pg_ctl, postgres) manually"
      return 1
    }
    sudo=(sudo -n)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    postgresql postgresql-client >&2
}

pg_ensure_binaries() {
  if ! PG_BIN="$(_pg_find_bin_dir)"; then
    _pg_apt_install || return 1
    PG_BIN="$(_pg_find_bin_dir)" || {
      _pg_log "postgresql installed but initdb/pg_ctl/postgres still not found"
      return 1
    }
  fi
  export PG_BIN
  if [[ -x "$PG_BIN/psql" ]]; then PG_PSQL="$PG_BIN/psql"
  elif [[ -x /usr/bin/psql ]]; then PG_PSQL=/usr/bin/psql
  else PG_PSQL="$(command -v psql)" || { _pg_log "psql not found"; return 1; }; fi
  export PG_PSQL
}
