#!/usr/bin/env bash
# Regenerates Wolverine's pre-generated handler code from scratch: bash scripts/codegen.sh [Debug|Release]
# Run it after adding or changing a message handler, then commit src/Host/Internal/Generated.
# Uses ConnectionStrings__Hamta when set, else the local dev PostgreSQL (scripts/pg.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration="${1:-Debug}"
generated_dir=src/Host/Internal/Generated
mkdir -p artifacts

if [[ -z "${ConnectionStrings__Hamta:-}" ]]; then
  # shellcheck source=scripts/pg.sh
  source scripts/pg.sh
  hamta_pg_ensure dev "${HAMTA_PG_PORT:-55432}" hamta
  export ConnectionStrings__Hamta="$HAMTA_PG_CONNECTION"
fi

# Stale generated code may not even compile: build the Host without it, then write it anew.
rm -rf "$generated_dir"
dotnet build src/Host/Hamta.Host.csproj -c "$configuration" -warnaserror -nologo -v q >artifacts/codegen-build.log 2>&1 || {
  cat artifacts/codegen-build.log >&2
  exit 1
}
# Its output may include configuration (connection strings): keep it in the log only.
ASPNETCORE_ENVIRONMENT=Production dotnet run --project src/Host/Hamta.Host.csproj -c "$configuration" --no-build -- codegen write \
  >artifacts/codegen.log 2>&1 </dev/null || {
  echo "error: 'codegen write' failed; its output is in artifacts/codegen.log" >&2
  exit 1
}
echo "Regenerated $generated_dir" >&2
