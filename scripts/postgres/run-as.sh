# shellcheck shell=bash
# Running the server as root: initdb refuses root, so the cluster belongs to the OS user
# "postgres", who must be able to reach the data directory.

# The OS user the server must run as: "postgres" when we are root, else ourselves ("").
_pg_run_user() {
  if [[ "$(id -u)" -eq 0 ]]; then printf '%s\n' postgres; else printf '\n'; fi
}

# Run a command as USER ("" or ourselves = directly).
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

_pg_ensure_os_user() {
  id -u postgres >/dev/null 2>&1 && return 0
  _pg_log "creating system user 'postgres'"
  local -a group=(--user-group)
  if getent group postgres >/dev/null 2>&1; then group=(--gid postgres); fi
  useradd --system "${group[@]}" --no-create-home --home-dir /var/lib/postgresql \
    --shell /bin/sh postgres >&2
}

# 0 once USER can search every parent of DIR, granting o+x on existing parents that lack it.
_pg_open_parents() {
  local user="$1" dir="$2" p
  _pg_as "$user" test -x "$(dirname "$dir")" 2>/dev/null && return 0
  local -a parents=()
  p="$(dirname "$dir")"
  while [[ "$p" != "/" && -n "$p" ]]; do parents=("$p" "${parents[@]}"); p="$(dirname "$p")"; done
  for p in "${parents[@]}"; do
    [[ -d "$p" ]] || break
    if ! _pg_as "$user" test -x "$p" 2>/dev/null; then
      _pg_log "granting search permission (chmod o+x) on $p so '$user' can reach the data directory"
      chmod o+x "$p" 2>/dev/null || return 1
    fi
  done
  _pg_as "$user" test -x "$(dirname "$dir")" 2>/dev/null
}

# Print where USER's cluster for DIR lives: DIR itself when USER can reach it (granting search
# permission on its parents if needed), else a directory under /var/lib/customers-pg/ that DIR
# becomes a symlink to.
_pg_reachable_dir() {
  local user="$1" dir="$2"
  mkdir -p -- "$(dirname "$dir")" || return 1
  if _pg_open_parents "$user" "$dir"; then printf '%s\n' "$dir"; return 0; fi
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
  printf '%s\n' "$fallback"
}
