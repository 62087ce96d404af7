#!/usr/bin/env bash
# Starts the service. Without ConnectionStrings__Customers it first starts a local PostgreSQL
# under .data/pg. `./run.sh --instance 2` starts a second silo of the same cluster on the next
# ports (HTTP 5081, silo 11112, gateway 30001); start instance 1 first.
set -euo pipefail
cd "$(dirname "$0")"

instance=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --instance) instance="$2"; shift 2 ;;
    *) echo "usage: ./run.sh [--instance N]" >&2; exit 2 ;;
  esac
done
offset=$((instance - 1))

mkdir -p .data
if [[ -z "${ConnectionStrings__Customers:-}" ]]; then
  source scripts/postgres.sh
  pg_ensure_binaries
  pg_port="${CUSTOMERS_PG_PORT:-25433}"
  pg_start "$PWD/.data/pg" "$pg_port"
  export ConnectionStrings__Customers
  ConnectionStrings__Customers="$(pg_connection_string "$pg_port")"
fi

if [[ -z "${Auth__ApiKeys__0__Key:-}" ]]; then
  [[ -s .data/dev-api-key ]] || head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > .data/dev-api-key
  export Auth__ApiKeys__0__Name=development Auth__ApiKeys__0__Orgs__0='*' Auth__ApiKeys__0__Permissions__0='*'
  export Auth__ApiKeys__0__Key
  Auth__ApiKeys__0__Key="$(cat .data/dev-api-key)"
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:$((5080 + offset))}"
export Orleans__SiloPort="${Orleans__SiloPort:-$((11111 + offset))}"
export Orleans__GatewayPort="${Orleans__GatewayPort:-$((30000 + offset))}"

if [[ "$instance" == 1 || ! -f src/Customers.Silo/bin/Release/net10.0/Customers.Silo.dll ]]; then
  dotnet build src/Customers.Silo -c Release -nologo -v quiet
fi

base="${ASPNETCORE_URLS%%;*}"
cat <<INFO
Customers API   $base/v4/orgs/{org_id}/...
Swagger UI      $base/swagger
Dashboard       $base/dashboard/
Health          $base/health/ready
API key         ${Auth__ApiKeys__0__Key:-(configured)}   (header X-API-Key)
INFO
exec dotnet src/Customers.Silo/bin/Release/net10.0/Customers.Silo.dll
