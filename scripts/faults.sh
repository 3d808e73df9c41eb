#!/usr/bin/env bash
# Fault drills: breaks Hamta under load as an operations team would before going live, and writes
# docs/reliability.md with each figure from the run:
#   bash scripts/faults.sh [--only kill,...] [--out docs/reliability.md]
#   bash scripts/faults.sh --only failover      # the replicated database's drill: scripts/failover.sh (docs/failover.md)
#
#   HAMTA_FAULTS_PG_PORT    port of the drill's own PostgreSQL cluster "faults" (default 55440)
#   HAMTA_FAULTS_HTTP_PORT  first port of the Hosts under test on 127.0.0.1 (default 5190; nodes take 5190-5199)
#   HAMTA_FAULTS_MINUTES    the whole run is stopped after this many minutes (default 30)
#
# The cluster is stopped again at the end, whatever happened; the Hosts are the harness's children.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${1:-}" == --only && "${2:-}" == failover ]]; then
  exec bash scripts/failover.sh
fi

port="${HAMTA_FAULTS_PG_PORT:-55440}"
export HAMTA_FAULTS_PG_PORT="$port"
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
hamta_pg_ensure faults "$port"
pg_bin="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /usr/lib/postgresql/15/bin/pg_ctl)")")"
[[ -x "$pg_bin/pg_ctl" ]] || pg_bin=/usr/lib/postgresql/15/bin
export HAMTA_FAULTS_PG_BIN="$pg_bin"
data_dir="$("$pg_bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'show data_directory')"

stop_cluster() {
  # A drill may have left the server frozen: thaw it before stopping it.
  if [[ -f "$data_dir/postmaster.pid" ]]; then
    pid="$(head -n 1 "$data_dir/postmaster.pid")"
    kill -CONT "$pid" $(pgrep -P "$pid" || true) 2>/dev/null || true
    runuser -u "$(stat -c %U "$data_dir")" -- "$pg_bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
trap stop_cluster EXIT

dotnet build bench/Hamta.Faults -c Release -nologo -v quiet
# The Host as the image ships it (Dockerfile): the same publish profile as the bench, in a folder of its own.
rm -rf .data/faults-host
dotnet publish src/Host/Hamta.Host.csproj -p:PublishProfile=Image -o .data/faults-host -nologo -v quiet
timeout --kill-after=30 "$(( ${HAMTA_FAULTS_MINUTES:-30} * 60 ))" \
  dotnet bench/Hamta.Faults/bin/Release/net10.0/Hamta.Faults.dll "$@"
