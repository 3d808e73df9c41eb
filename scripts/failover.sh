#!/usr/bin/env bash
# The failover drill (docs/failover.md): starts the HA cluster of scripts/ha.sh when it is not running,
# runs the published Host on it under ticket posts and operator sightings, kills the primary's PostgreSQL
# and then the primary's Patroni with -9, and prints the figures (also in .data/failover/report.md):
#   bash scripts/failover.sh [--only wal,postgres,patroni] [--after-seconds 40]
#
#   HAMTA_HA_PORT_BASE        ports of the cluster (scripts/ha.sh; default 55450)
#   HAMTA_FAILOVER_HTTP_PORT  port of the Host under test on 127.0.0.1 (default 5095)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ha.sh up >/dev/null
dotnet build bench/Hamta.Failover -c Release -nologo -v quiet
# The Host as the image ships it (Dockerfile), where the bench's HostProcess starts it.
rm -rf .data/bench-host
dotnet publish src/Host/Hamta.Host.csproj -p:PublishProfile=Image -o .data/bench-host -nologo -v quiet
exec dotnet bench/Hamta.Failover/bin/Release/net10.0/Hamta.Failover.dll "$@"
