# shellcheck shell=bash
# Telling a live server from a postmaster.pid left by a crash, whose pid may since belong to an
# unrelated process (postgres would then refuse to start, and pg_ctl would signal that process).

# pids of live (non-zombie) processes whose working directory is DIR: every PostgreSQL
# process of a cluster runs with its data directory as working directory.
_pg_dir_pids() {
  local dir="$1" d cwd state
  for d in /proc/[0-9]*; do
    cwd="$(readlink "$d/cwd" 2>/dev/null)" || continue
    [[ "$cwd" == "$dir" ]] || continue
    state="$(_pg_proc_state "${d#/proc/}")"
    [[ "$state" == Z || -z "$state" ]] && continue
    printf '%s\n' "${d#/proc/}"
  done
}

_pg_proc_state() {
  sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true
}

# State of DIR/postmaster.pid: prints "none", "running PID", "dead" (pid gone: postgres
# handles that itself), "stale" (pid is a zombie or belongs to an unrelated process) or "unknown".
_pg_pidfile_state() {
  local dir="$1" pid cmd cwd
  if [[ ! -f "$dir/postmaster.pid" ]]; then echo none; return 0; fi
  pid="$(head -n1 "$dir/postmaster.pid" 2>/dev/null || true)"
  if ! [[ "$pid" =~ ^[0-9]+$ ]]; then echo unknown; return 0; fi
  if [[ ! -d "/proc/$pid" ]]; then echo dead; return 0; fi
  if [[ "$(_pg_proc_state "$pid")" == Z ]]; then echo stale; return 0; fi
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

# Remove a stale DIR/postmaster.pid (and its socket lock in SOCKDIR for PORT) once no process of
# the old server is alive: orphaned backends exit shortly after their postmaster died.
_pg_remove_stale_pidfile() {
  local dir="$1" sockdir="$2" port="$3" i
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
}
