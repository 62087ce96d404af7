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

# A local run is Development: a generated key is allowed there, and nowhere else.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
dev_key=""
if [[ -z "${Auth__ApiKeys__0__Key:-}" ]]; then
  [[ -s .data/dev-api-key ]] || { umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > .data/dev-api-key; }
  export Auth__ApiKeys__0__Name=development Auth__ApiKeys__0__Orgs__0='*' Auth__ApiKeys__0__Permissions__0='*'
  export Auth__ApiKeys__0__Key
  Auth__ApiKeys__0__Key="$(cat .data/dev-api-key)"
  dev_key="$Auth__ApiKeys__0__Key"
fi
# Every local instance signs document URLs alike, so a URL made by one is served by the others.
if [[ -z "${Documents__SigningKey:-}" ]]; then
  [[ -s .data/dev-signing-key ]] || { umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > .data/dev-signing-key; }
  export Documents__SigningKey
  Documents__SigningKey="$(cat .data/dev-signing-key)"
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
INFO
# The key goes to the terminal only: when standard output is collected as a log, it is not in it.
if [[ -n "$dev_key" ]]; then
  if [[ -t 1 ]]; then
    echo "API key         $dev_key   (header X-API-Key; HTTP Basic password for /dashboard/ and /metrics)"
  elif { : > /dev/tty; } 2>/dev/null; then
    echo "API key         $dev_key   (header X-API-Key; HTTP Basic password for /dashboard/ and /metrics)" > /dev/tty
  else
    echo "API key         in .data/dev-api-key   (header X-API-Key)"
  fi
fi
exec dotnet src/Customers.Silo/bin/Release/net10.0/Customers.Silo.dll
