#!/usr/bin/env bash
# Benchmarks Hamta against this machine's PostgreSQL and writes docs/benchmarks.md:
#   bash scripts/bench.sh [--scale 1] [--runs 3] [--load-seconds 20] [--out docs/benchmarks.md]
#
#   HAMTA_BENCH_PG_PORT    port of the private "bench" cluster (default 55434; fsync stays on)
#   HAMTA_BENCH_HTTP_PORT  port of the Host under test on 127.0.0.1 (default 5090)
#
# The full run (scale 1: a million tickets, a million observations, a million IMEIs) takes about
# half an hour on two cores; --scale 0.01 checks the whole path in a few minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${HAMTA_BENCH_PG_PORT:-55434}"
export HAMTA_BENCH_PG_PORT="$port"
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
hamta_pg_ensure bench "$port"

# pg_stat_statements tells where PostgreSQL's time goes; it must be loaded at server start.
pg_bin=/usr/lib/postgresql/15/bin
psql=("$pg_bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA)
if [[ "$("${psql[@]}" -c 'show shared_preload_libraries')" != *pg_stat_statements* ]]; then
  echo "bench.sh: loading pg_stat_statements in the bench cluster (restart)" >&2
  "${psql[@]}" -c "alter system set shared_preload_libraries = 'pg_stat_statements'"
  data_dir="$("${psql[@]}" -c 'show data_directory')"
  runuser -u "$(stat -c %U "$data_dir")" -- "$pg_bin/pg_ctl" -D "$data_dir" -m fast -w restart >/dev/null
  hamta_pg_ensure bench "$port"
fi
HAMTA_BENCH_PG_PIDFILE="$("${psql[@]}" -c 'show data_directory')/postmaster.pid"
export HAMTA_BENCH_PG_PIDFILE

dotnet build bench/Hamta.Bench -c Release -nologo -v quiet
exec dotnet bench/Hamta.Bench/bin/Release/net10.0/Hamta.Bench.dll "$@"
