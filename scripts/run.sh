#!/usr/bin/env bash
# Runs the Hamta portal locally: bash scripts/run.sh [app arguments...]
#
#   ConnectionStrings__Hamta  use this database instead of the local PostgreSQL
#   HAMTA_PG_PORT             port of the local PostgreSQL cluster (default 55432)
#   HAMTA_URLS                URLs to listen on (default http://localhost:5000)
#   ASPNETCORE_ENVIRONMENT    default Development
#   Hamta__DeveloperExceptionPage=true   the exception page instead of the Persian error page (Development only)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${ConnectionStrings__Hamta:-}" ]]; then
  # shellcheck source=scripts/pg.sh
  source scripts/pg.sh
  hamta_pg_ensure dev "${HAMTA_PG_PORT:-55432}" hamta
  export ConnectionStrings__Hamta="$HAMTA_PG_CONNECTION"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
urls="${HAMTA_URLS:-http://localhost:5000}"

# First URL, with wildcard hosts shown as localhost.
open_url="${urls%%;*}"
open_url="$(printf '%s' "$open_url" | sed -E 's#^(https?://)(\*|\+|0\.0\.0\.0|\[::\])#\1localhost#')"
echo "Hamta portal: open ${open_url} once it has started (Ctrl+C to stop)"

export ASPNETCORE_URLS="$urls"
exec dotnet run --project src/Host/Hamta.Host.csproj -- "$@"
