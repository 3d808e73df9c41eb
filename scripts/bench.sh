#!/usr/bin/env bash
# Benchmarks Hamta against this machine's PostgreSQL and writes docs/benchmarks.md:
#   bash scripts/bench.sh [--scale 1] [--runs 3] [--load-seconds 20] [--out docs/benchmarks.md]
#                         [--only host,submission,my-tickets,sweep,import,audit,sightings,dump,evidence,statistics,lists,classification]
#
#   HAMTA_BENCH_PG_PORT    port of the private "bench" cluster (default 55434; fsync stays on)
#   HAMTA_BENCH_HTTP_PORT  port of the Host under test on 127.0.0.1 (default 5090)
#
# The full run (scale 1: a million tickets, a million observations, a million IMEIs) takes about
# twenty minutes on two cores; --scale 0.01 checks the whole path in a few minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${HAMTA_BENCH_PG_PORT:-55434}"
export HAMTA_BENCH_PG_PORT="$port"
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
hamta_pg_ensure bench "$port"

# The cluster is set up as a production server is: pg_stat_statements (it tells where PostgreSQL's time
# goes), a quarter of memory up to 2 GB for shared buffers instead of Debian's 128 MB, and room for the WAL
# of a bulk load between checkpoints. fsync and synchronous_commit stay on. A change needs a restart.
pg_bin=/usr/lib/postgresql/15/bin
psql=("$pg_bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA)
memory_mb=$(awk '/MemTotal/ { print int($2 / 1024) }' /proc/meminfo)
shared_mb=$(( memory_mb / 4 < 2048 ? memory_mb / 4 : 2048 ))
declare -A settings=(
  [shared_preload_libraries]=pg_stat_statements
  [shared_buffers]="${shared_mb}MB"
  [max_wal_size]=4GB
)
for name in "${!settings[@]}"; do
  "${psql[@]}" -c "alter system set $name = '${settings[$name]}'"
done
"${psql[@]}" -c "select pg_reload_conf()" >/dev/null
sleep 1
restart="$("${psql[@]}" -c "select count(*) from pg_settings where pending_restart")"
if [[ $restart != 0 ]]; then
  echo "bench.sh: restarting the bench cluster for its settings" >&2
  data_dir="$("${psql[@]}" -c 'show data_directory')"
  runuser -u "$(stat -c %U "$data_dir")" -- "$pg_bin/pg_ctl" -D "$data_dir" -m fast -w restart >/dev/null
  hamta_pg_ensure bench "$port"
fi
HAMTA_BENCH_PG_PIDFILE="$("${psql[@]}" -c 'show data_directory')/postmaster.pid"
export HAMTA_BENCH_PG_PIDFILE

dotnet build bench/Hamta.Bench -c Release -nologo -v quiet
# The Host as the image ships it (Dockerfile): the same publish profile.
rm -rf .data/bench-host
dotnet publish src/Host/Hamta.Host.csproj -p:PublishProfile=Image -o .data/bench-host -nologo -v quiet
exec dotnet bench/Hamta.Bench/bin/Release/net10.0/Hamta.Bench.dll "$@"
