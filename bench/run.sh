#!/usr/bin/env bash
# Measures the service against the ceilings of this machine, in one run:
#   PostgreSQL + a Release silo, a seeded data set, wrk workloads, the HTTP ceiling (/health/live)
#   and the storage ceiling (pgbench single-row upserts), each measured before and after the
#   workloads, memory and start-up time. Every write
#   records its event (the event log is always on); the webhook delivery rate to a local receiver
#   is measured last.
# Figures go to stdout and bench/results/latest.md. Knobs: BENCH_CUSTOMERS (100000),
# BENCH_DURATION (20s), BENCH_WARMUP (5s, unmeasured, before each workload), BENCH_CONNECTIONS (64),
# BENCH_DELIVERIES (5000).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
source scripts/postgres.sh

customers="${BENCH_CUSTOMERS:-100000}"
duration="${BENCH_DURATION:-20s}"
connections="${BENCH_CONNECTIONS:-64}"
deliveries="${BENCH_DELIVERIES:-5000}"
results="$root/bench/results"
mkdir -p "$results"
work="$(mktemp -d /tmp/customers-bench.XXXXXX)"
export BENCH_DATA="$work/data" BENCH_WRK_DIR="$root/bench/wrk" BENCH_KEY="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
mkdir -p "$BENCH_DATA"

command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
pg_ensure_binaries
pgbench="$(ls "$PG_BIN/pgbench" /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1 || true)"
[[ -x "$pgbench" ]] || pgbench="$(command -v pgbench)"
pg_port=25434
# Below the ephemeral range (32768+), so no client socket can hold the port when PostgreSQL binds it.
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
pg_start "$work/pg" "$pg_port"
connection="$(pg_connection_string "$pg_port")"

silo_pid=""
stop_all() { [[ -n "$silo_pid" ]] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null; pg_stop "$work/pg" || true; rm -rf "$work"; }
trap stop_all EXIT

echo "== building Release"
dotnet build src/Customers.Silo -c Release -nologo -v quiet
dotnet build bench/Customers.Bench -c Release -nologo -v quiet

http_port=5180
bench_tool() { dotnet "$root/bench/Customers.Bench/bin/Release/net10.0/Customers.Bench.dll" "$1" "http://127.0.0.1:$http_port" "$BENCH_KEY" "${@:2}"; }
# The benchmark measures the service, not the rate limiter: its key is unlimited (PermitsPerSecond=0).
signing_key="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
start_silo() {
  local started; started=$(date +%s.%N)
  ( cd "$work" && exec env ConnectionStrings__Customers="$connection" ASPNETCORE_URLS="http://127.0.0.1:$http_port" \
      Orleans__ClusterId=bench Orleans__ServiceId=bench Orleans__SiloPort=11180 Orleans__GatewayPort=30180 \
      Events__AllowPrivateCallbacks=true \
      Auth__ApiKeys__0__Name=bench Auth__ApiKeys__0__Key="$BENCH_KEY" Auth__ApiKeys__0__Orgs__0='*' Auth__ApiKeys__0__Permissions__0='*' \
      Auth__ApiKeys__0__PermitsPerSecond=0 Documents__SigningKey="$signing_key" \
      dotnet "$root/src/Customers.Silo/bin/Release/net10.0/Customers.Silo.dll" > "$work/silo.log" 2>&1 ) &
  silo_pid=$!
  until curl -sf "http://127.0.0.1:$http_port/health/ready" >/dev/null; do
    kill -0 "$silo_pid" 2>/dev/null || { echo "silo exited:"; tail -50 "$work/silo.log"; exit 1; }
    sleep 0.1
  done
  startup_seconds="$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN { printf "%.1f", now - then }')"
}
rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$silo_pid/status") / 1024 )); }

declare -A rps p50 p99 errors
warmup="${BENCH_WARMUP:-5s}"
run_wrk() { # name script
  # Each workload first runs unmeasured for $warmup: the code paths it takes are compiled to their
  # final tier and the pools sized before the measured run, whichever workload ran before it.
  # BENCH_RUN moves the warm-up's creations to numbers the measured run never uses.
  BENCH_RUN=7 wrk -t2 -c"$connections" -d"$warmup" -s "$root/bench/wrk/$2" "http://127.0.0.1:$http_port" >/dev/null 2>&1 || true
  local out; out="$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$root/bench/wrk/$2" "http://127.0.0.1:$http_port" 2>&1)"
  rps[$1]="$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  p50[$1]="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99[$1]="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors[$1]="$(awk '/Non-2xx/ {n=$NF} /Socket errors/ {s=$0} END {print (n ? n : 0) (s ? " (" s ")" : "")}' <<<"$out")"
  printf '%-22s %8s req/s  p50 %-9s p99 %-9s errors %s\n' "$1" "${rps[$1]}" "${p50[$1]}" "${p99[$1]}" "${errors[$1]}"
}

echo "== start-up on an empty database"
start_silo
startup_empty="$startup_seconds"
rss_empty="$(rss_mb)"
echo "ready after ${startup_empty}s, RSS ${rss_empty} MB"

echo "== seeding $customers customers (each with an account, a category and a promotion)"
seed_out="$(bench_tool seed "$customers" 64 "$BENCH_DATA")"
echo "$seed_out"
seed_line="$(tail -1 <<<"$seed_out")"
[[ -s "$BENCH_DATA/accounts.txt" ]] && grep -q . "$BENCH_DATA/accounts.txt" || cp "$BENCH_DATA/customers.txt" "$BENCH_DATA/accounts.txt"
sleep 5
rss_seeded="$(rss_mb)"
bytes_per_grain=$(( (rss_seeded - rss_empty) * 1024 * 1024 / customers ))
echo "RSS with $customers customers active: ${rss_seeded} MB (${bytes_per_grain} bytes per customer over the empty silo)"

# The storage ceiling: single-row upserts of a 700-byte payload on 100,000 rows that exist, so that
# every measurement runs the same (update) branch of the upsert.
declare -A pg_tps pg_latency pg_p50 pg_p99
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d customers -q \
  -c "CREATE TABLE IF NOT EXISTS bench_upsert (id integer PRIMARY KEY, version integer NOT NULL, payload bytea)" \
  -c "INSERT INTO bench_upsert SELECT g, 1, convert_to(repeat('x', 700), 'UTF8') FROM generate_series(1, 100000) g ON CONFLICT (id) DO NOTHING"

# After a bulk load PostgreSQL's own advice is to ANALYZE; VACUUM with it spares the workloads the
# autovacuum the load would otherwise set off in their first minute, on the same two cores.
echo "== settling the database after seeding: VACUUM (ANALYZE)"
vacuum_started=$(date +%s)
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d customers -q -c "VACUUM (ANALYZE)"
vacuum_seconds=$(( $(date +%s) - vacuum_started ))
echo "settled in ${vacuum_seconds}s"

# Every transaction's latency is logged (-l), so that the ceiling has a p50 and a p99 like the
# workloads compared with it, at the same number of clients.
run_pgbench() { # when
  echo "== storage ceiling ($1): pgbench single-row upsert, $connections clients"
  rm -f "$work/pgbench.$1".*
  local out; out="$("$pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c "$connections" -j 2 -T "${duration%s}" \
    -l --log-prefix="$work/pgbench.$1" -f bench/pgbench-upsert.sql customers 2>&1)"
  pg_tps[$1]="$(awk -F'[ =]+' '/^tps/ {printf "%.0f", $2; exit}' <<<"$out")"
  pg_latency[$1]="$(awk '/latency average/ {print $4 " " $5}' <<<"$out")"
  read -r pg_p50[$1] pg_p99[$1] < <(cat "$work/pgbench.$1".* | awk '{print $3}' | sort -n |
    awk '{ us[NR] = $1 } END { if (NR) printf "%.2fms %.2fms\n", us[int((NR - 1) * 0.50) + 1] / 1000, us[int((NR - 1) * 0.99) + 1] / 1000 }')
  echo "pgbench upsert: ${pg_tps[$1]} tps, average latency ${pg_latency[$1]}, p50 ${pg_p50[$1]}, p99 ${pg_p99[$1]}"
}
# Measured before the workloads and again after them: see the HTTP ceiling below.
run_pgbench "before"

# Seeding takes about as long as Orleans keeps an idle grain (15 minutes), so the first grains it
# made would be collected during the workloads, and read again from storage: a cold read and a
# collector's sweep inside a hot workload. Every customer and account is read once first, unmeasured.
echo "== reading every customer and account once (unmeasured): the hot workloads find them active"
bench_tool read-all "$BENCH_DATA/customers.txt" >/dev/null
bench_tool read-all "$BENCH_DATA/accounts.txt" accounts >/dev/null

echo "== workloads: wrk -t2 -c$connections -d$duration, each after $warmup unmeasured"
run_wrk "health/live (ceiling)" health.lua
run_wrk "GET customer" get-customer.lua
run_wrk "GET account" get-account.lua
run_wrk "search by document" search.lua
run_wrk "POST customer" post-customer.lua
run_wrk "PATCH payment method" patch-payment-method.lua
run_wrk "PATCH customer" patch-customer.lua
run_wrk "mixed 90/10" mixed.lua
# The ceiling again, after the workloads: on a shared machine one measurement can land in a slow
# spell and flatter every ratio; the reads are compared with the higher of the two, the writes
# with the higher of the two storage ceilings.
run_wrk "health/live again (ceiling)" health.lua

run_pgbench "after"

echo "== start-up on the seeded database"
kill "$silo_pid"; wait "$silo_pid" 2>/dev/null || true
start_silo
startup_seeded="$startup_seconds"
echo "ready after ${startup_seeded}s"
sleep 3
rss_restarted="$(rss_mb)"
echo "== activating every customer grain once (GET each) on the restarted silo"
# With wrk, as every other workload and the ceiling, and without a warm-up (it would take first
# touches). wrk is interrupted once each thread has had an answer to every read it sent, or 5 s after
# the last one was sent; cold.lua takes the rate from the first request to the last answer.
rm -f "$BENCH_DATA"/cold.*
wrk -t2 -c"$connections" -d3600s --timeout 30s --latency -s "$root/bench/wrk/cold.lua" "http://127.0.0.1:$http_port" -- 2 > "$work/cold.out" 2>&1 &
cold_pid=$!
all_marked() { [[ -e "$BENCH_DATA/cold.$1.1" && -e "$BENCH_DATA/cold.$1.2" ]]; }
until all_marked sent || ! kill -0 "$cold_pid" 2>/dev/null; do sleep 0.2; done
for _ in $(seq 50); do all_marked answered && break; sleep 0.1; done
kill -INT "$cold_pid" 2>/dev/null || true
wait "$cold_pid" || true
cold_out="$(cat "$work/cold.out")"
rps[GET customer cold]="$(awk '/^cold pass:/ {print $10}' <<<"$cold_out")"
p50[GET customer cold]="$(awk '$1 == "50%" {print $2}' <<<"$cold_out")"
p99[GET customer cold]="$(awk '$1 == "99%" {print $2}' <<<"$cold_out")"
errors[GET customer cold]="$(awk '/Non-2xx/ {n=$NF} /Socket errors/ {s=$0} END {print (n ? n : 0) (s ? " (" s ")" : "")}' <<<"$cold_out")"
cold_reads="$(awk '/^cold pass:/ {print $3 " of " $5}' <<<"$cold_out")"
echo "cold reads: $cold_reads in one pass, ${rps[GET customer cold]} req/s p50 ${p50[GET customer cold]} p99 ${p99[GET customer cold]}"
sleep 5
rss_customers="$(rss_mb)"
active="$(wc -l < "$BENCH_DATA/customers.txt")"
bytes_per_customer_grain=$(( (rss_customers - rss_restarted) * 1024 * 1024 / active ))
echo "RSS with $active customer grains active: ${rss_customers} MB (${bytes_per_customer_grain} bytes per customer grain over the restarted silo)"

# The hot reads again, on the restarted silo once its customers and accounts are active: a silo in
# service, rather than one that has just written 100,000 customers and still carries what that
# left on its heap. Compared with this process's own ceiling, measured before and after them.
echo "== hot reads on the restarted silo (every account activated first, unmeasured)"
bench_tool read-all "$BENCH_DATA/accounts.txt" accounts
run_wrk "restarted: health/live (ceiling)" health.lua
run_wrk "restarted: GET customer" get-customer.lua
run_wrk "restarted: GET account" get-account.lua
run_wrk "restarted: health/live again (ceiling)" health.lua

echo "== webhook deliveries: $deliveries customer creations, one subscription, a receiver on loopback"
delivery_out="$(bench_tool deliveries bench-hooks "$deliveries" 16 || true)"
echo "$delivery_out"
delivery_rate="$(awk '/^delivery rate:/ {print $3}' <<<"$delivery_out")"
events_recorded="$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d customers -Atq -c "SELECT count(*) FROM customer_events")"
events_waiting="$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d customers -Atq -c "SELECT count(*) FROM customer_events WHERE position IS NULL")"
echo "events recorded: $events_recorded, still without a position: $events_waiting"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
higher() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
health="$(higher "${rps[health/live (ceiling)]}" "${rps[health/live again (ceiling)]}")"
storage="$(higher "${pg_tps[before]}" "${pg_tps[after]}")"
restarted_health="$(higher "${rps[restarted: health/live (ceiling)]}" "${rps[restarted: health/live again (ceiling)]}")"
{
  echo "# Benchmark results"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c$connections -d$duration; PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on the same machine."
  echo
  echo "Seeding: $seed_line"
  echo
  echo "Then \`VACUUM (ANALYZE)\` of the database in ${vacuum_seconds} s, before the first workload."
  echo
  echo "| workload | req/s | p50 | p99 | errors | ratio | ceiling |"
  echo "|---|---|---|---|---|---|---|"
  for name in "GET customer" "GET account" "GET customer cold" "search by document" "mixed 90/10"; do
    echo "| $name | ${rps[$name]} | ${p50[$name]} | ${p99[$name]} | ${errors[$name]} | $(ratio "${rps[$name]}" "$health") | health/live |"
  done
  restarted_row() { # label, workload
    echo "| $1 | ${rps[$2]} | ${p50[$2]} | ${p99[$2]} | ${errors[$2]} | $(ratio "${rps[$2]}" "$restarted_health") | $3 |"
  }
  restarted_row "GET customer, restarted silo" "restarted: GET customer" "health/live, restarted silo"
  restarted_row "GET account, restarted silo" "restarted: GET account" "health/live, restarted silo"
  for name in "POST customer" "PATCH payment method" "PATCH customer"; do
    echo "| $name | ${rps[$name]} | ${p50[$name]} | ${p99[$name]} | ${errors[$name]} | $(ratio "${rps[$name]}" "$storage") | pgbench upsert |"
  done
  ceiling_row() { # label, workload
    echo "| $1 | ${rps[$2]} | ${p50[$2]} | ${p99[$2]} | ${errors[$2]} | $(ratio "${rps[$2]}" "$health") | the higher is the ceiling |"
  }
  ceiling_row "health/live (HTTP ceiling, before the workloads)" "health/live (ceiling)"
  ceiling_row "health/live (HTTP ceiling, after them)" "health/live again (ceiling)"
  restarted_row "health/live, restarted silo (before its reads)" "restarted: health/live (ceiling)" "the higher is the ceiling"
  restarted_row "health/live, restarted silo (after them)" "restarted: health/live again (ceiling)" "the higher is the ceiling"
  storage_row() { # label, when
    echo "| $1 | ${pg_tps[$2]} tps | ${pg_p50[$2]} | ${pg_p99[$2]} | | $(ratio "${pg_tps[$2]}" "$storage") | the higher is the ceiling |"
  }
  storage_row "pgbench single-row upsert (storage ceiling, before the workloads)" before
  storage_row "pgbench single-row upsert (storage ceiling, after them)" after
  echo
  echo "GET customer cold: each of the $active customers read once, in random order, by wrk's $connections connections on the silo just restarted (first touch of each grain; $cold_reads reads answered; rate from the first request to the last answer)."
  echo
  echo "Restarted silo: after the cold pass and one unmeasured read of each account, the hot reads again, each against the restarted process's own \`/health/live\` ceiling."
  echo
  echo "Storage ceiling: pgbench's p50 and p99 are read from its log of every transaction, at the $connections clients the write workloads use."
  echo
  echo "Write workloads ran with the event log on: $events_recorded events recorded in the run, $events_waiting without a position at the end."
  echo
  echo "| webhooks | value |"
  echo "|---|---|"
  echo "| delivery rate, one subscription, receiver on loopback ($deliveries events) | ${delivery_rate:-n/a} events/s |"
  echo
  echo "| memory and start-up | value |"
  echo "|---|---|"
  echo "| RSS, empty silo | ${rss_empty} MB |"
  echo "| RSS, $customers customers active (with their accounts and index grains) | ${rss_seeded} MB |"
  echo "| bytes per active customer (all its grains) over the empty silo | ${bytes_per_grain} |"
  echo "| RSS after a restart with $active customer grains activated by a GET | ${rss_customers} MB |"
  echo "| bytes per active customer grain over the restarted silo | ${bytes_per_customer_grain} |"
  echo "| start-up to /health/ready, empty database | ${startup_empty} s |"
  echo "| start-up to /health/ready, seeded database | ${startup_seeded} s |"
} > "$results/latest.md"
echo "== written to bench/results/latest.md"
cat "$results/latest.md"
