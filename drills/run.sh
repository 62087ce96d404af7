#!/usr/bin/env bash
# Failure drills against a Release silo on a local PostgreSQL, each ending in a verdict:
#   a) SIGKILL the silo during a write load, restart it: every acknowledged write is present.
#   b) PostgreSQL stopped for 10 s under load: 503 MCUS.001.005 (no 500, no hang), recovery
#      within 5 s of its return, nothing acknowledged lost.
#   c) 10,000 malformed or hostile requests, e-mails with invisible characters, oversized
#      catalogues and a rate-limit storm from one key: no 5xx, the storm gets only 429s past its
#      rate while another key is unaffected, memory back to its baseline.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
source scripts/postgres.sh

work="$(mktemp -d /tmp/customers-drills.XXXXXX)"
key="drill-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
signing_key="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
# The drills' own key is unlimited (the load phases measure the service); the storm key is held to 50/s.
storm_key="storm-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
other_key="other-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
tool=(dotnet "$root/bench/Customers.Bench/bin/Release/net10.0/Customers.Bench.dll")
base="http://127.0.0.1:5190"
verdicts=()

pg_ensure_binaries || exit 1
pg_port=25435
# Below the ephemeral range (32768+), so no client socket can hold the port when PostgreSQL binds it.
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
pg_start "$work/pg" "$pg_port" || exit 1
connection="$(pg_connection_string "$pg_port")"

silo_pid=""
cleanup() { [[ -n "$silo_pid" ]] && kill -9 "$silo_pid" 2>/dev/null; pg_stop "$work/pg" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Customers.Silo -c Release -nologo -v quiet >/dev/null || exit 1
dotnet build bench/Customers.Bench -c Release -nologo -v quiet >/dev/null || exit 1

start_silo() {
  ( cd "$work" && exec env ConnectionStrings__Customers="$connection" ASPNETCORE_URLS="$base" \
      Orleans__ClusterId=drills Orleans__ServiceId=drills Orleans__SiloPort=11190 Orleans__GatewayPort=30190 \
      Auth__ApiKeys__0__Name=drills Auth__ApiKeys__0__Key="$key" Auth__ApiKeys__0__Orgs__0='*' Auth__ApiKeys__0__Permissions__0='*' \
      Auth__ApiKeys__0__PermitsPerSecond=0 Documents__SigningKey="$signing_key" \
      Auth__ApiKeys__1__Name=storm Auth__ApiKeys__1__Key="$storm_key" Auth__ApiKeys__1__Orgs__0='*' Auth__ApiKeys__1__Permissions__0='*' \
      Auth__ApiKeys__1__PermitsPerSecond=50 \
      Auth__ApiKeys__2__Name=bystander Auth__ApiKeys__2__Key="$other_key" Auth__ApiKeys__2__Orgs__0='*' Auth__ApiKeys__2__Permissions__0='*' \
      dotnet "$root/src/Customers.Silo/bin/Release/net10.0/Customers.Silo.dll" >> "$work/silo.log" 2>&1 ) &
  silo_pid=$!
  local deadline=$((SECONDS + 60))
  until curl -sf "$base/health/ready" >/dev/null; do
    (( SECONDS < deadline )) || { echo "silo not ready"; tail -30 "$work/silo.log"; return 1; }
    sleep 0.2
  done
}
rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$silo_pid/status") / 1024 )); }
verdict() { verdicts+=("$1: $2"); echo "=> $1: $2"; }

echo "== a) SIGKILL during a write load"
start_silo || exit 1
"${tool[@]}" write-load "$base" "$key" 12 32 "$work/acks-a.txt" > "$work/load-a.txt" &
load=$!
sleep 5
kill -9 "$silo_pid"; echo "silo killed with SIGKILL at 5 s"
sleep 2
start_silo || exit 1
echo "silo restarted"
wait "$load"; cat "$work/load-a.txt"
if "${tool[@]}" verify "$base" "$key" "$work/acks-a.txt"; then verdict a PASS; else verdict a FAIL; fi

echo "== b) PostgreSQL stopped for 10 s under load"
"${tool[@]}" write-load "$base" "$key" 30 16 "$work/acks-b.txt" > "$work/load-b.txt" &
load=$!
# Times on the load's own clock (it writes its start), as its failures and successes are.
since_load() { awk -v t0="$(cat "$work/acks-b.txt.start")" -v t1="$(date +%s.%N)" 'BEGIN { printf "%.1f", t1 - t0 }'; }
sleep 5
pg_stop "$work/pg" >/dev/null; echo "PostgreSQL stopped at $(since_load) s"
sleep 10
# Measured when it accepts connections again (a start on a loaded machine takes a while), so the
# recovery is the service's own time.
pg_start "$work/pg" "$pg_port" >/dev/null 2>&1; back="$(since_load)"; echo "PostgreSQL back at ${back} s"
wait "$load"; cat "$work/load-b.txt"
answers="$(head -1 "$work/load-b.txt")"
slowest="$(awk '/slowest answer/ {print $3}' "$work/load-b.txt")"
recovered="$(awk '/first success after them/ {print $(NF-1)}' "$work/load-b.txt")"
ok=1
grep -qE '(^| )5(0[0-24-9]|[1-9][0-9])[^0-9]' <<<"$answers" && { echo "an answer other than 503 among the 5xx"; ok=0; }
grep -q "500" <<<"$answers" && { echo "a 500 was answered"; ok=0; }
grep -q "503 MCUS.001.005" <<<"$answers" || { echo "no 503 MCUS.001.005 during the outage"; ok=0; }
awk -v s="$slowest" 'BEGIN { exit !(s <= 31) }' || { echo "an answer took ${slowest} s"; ok=0; }
awk -v r="$recovered" -v b="$back" 'BEGIN { exit !(r != "" && r != "NaN" && r <= b + 5) }' || { echo "no recovery within 5 s of PostgreSQL's return (back at ${back} s, first success at ${recovered} s)"; ok=0; }
"${tool[@]}" verify "$base" "$key" "$work/acks-b.txt" || ok=0
if (( ok )); then verdict b PASS; else verdict b FAIL; fi

echo "== c) 10,000 malformed or hostile requests, look-alike e-mails, oversized catalogues, a rate-limit storm"
curl -s "$base/health/live" >/dev/null
baseline="$(rss_mb)"
echo "RSS before: ${baseline} MB"
"${tool[@]}" hostile "$base" "$key" 10000 "$storm_key" "$other_key"; hostile_status=$?
sleep 10
after="$(rss_mb)"
echo "RSS 10 s after: ${after} MB"
if (( hostile_status == 0 && after <= baseline + baseline / 4 + 32 )); then verdict c PASS; else verdict c FAIL; fi

echo
printf '%s\n' "${verdicts[@]}"
[[ "${verdicts[*]}" != *FAIL* ]]
