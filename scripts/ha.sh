#!/usr/bin/env bash
# A local highly available PostgreSQL for Hamta (ADR 0016): Patroni runs three PostgreSQL 15 members
# on 127.0.0.1, one primary, one synchronous standby and one asynchronous replica, with a one-member
# etcd as its consensus store. Everything lives under <repo>/.data/ha.
#
#   bash scripts/ha.sh up       # installs patroni/etcd-server where missing, starts, waits; prints the connection strings
#   bash scripts/ha.sh status   # members, roles, lag (patronictl list) and etcd's health
#   bash scripts/ha.sh down     # stops every process it started and removes .data/ha
#   bash scripts/ha.sh env      # prints the connection strings (writes, reads) of a running cluster
#
#   HAMTA_HA_PORT_BASE  first of the 20 ports it uses (default 55450): etcd +0/+1, PostgreSQL +2..+4,
#                       Patroni's REST API +12..+14
#
# Each Patroni runs under a supervisor that restarts it when it dies, as Debian's systemd unit does
# (Restart=on-failure), after stopping the PostgreSQL it leaves behind (see up). Idempotent: up on a
# running cluster only checks it; down on nothing does nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$(pwd -P)"

base_port="${HAMTA_HA_PORT_BASE:-55450}"
etcd_port=$((base_port)) etcd_peer_port=$((base_port + 1))
members=(pg1 pg2 pg3)
pg_port() { echo $((base_port + 2 + ${1#pg} - 1)); }
rest_port() { echo $((base_port + 12 + ${1#pg} - 1)); }

dir="$repo/.data/ha"
run="$dir/run"
pg_bin=/usr/lib/postgresql/15/bin
say() { printf 'ha.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

hosts() {
  local m list=()
  for m in "${members[@]}"; do list+=("127.0.0.1:$(pg_port "$m")"); done
  (IFS=,; echo "${list[*]}")
}

print_env() {
  echo "ConnectionStrings__Hamta='Host=$(hosts);Username=postgres;Database=hamta;Target Session Attributes=primary;Host Recheck Seconds=1'"
  echo "ConnectionStrings__HamtaReads='Host=$(hosts);Username=postgres;Database=hamta;Target Session Attributes=prefer-standby;Host Recheck Seconds=1'"
}

install_packages() {
  command -v patroni >/dev/null && command -v etcd >/dev/null && [[ -x "$pg_bin/pg_ctl" ]] && return 0
  local -a sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null || die "patroni, etcd-server or postgresql-15 is missing and installing them needs root: apt-get install patroni python3-etcd etcd-server etcd-client postgresql-15"
    sudo=(sudo -n)
  fi
  say "installing Debian's patroni, etcd-server and postgresql-15 (apt-get, may take a minute)..."
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/hamta-apt.XXXXXX")"
  # The same lock as pg.sh: one installer at a time; -o keeps it from the servers the packages may start.
  if ! "${sudo[@]}" flock -w 900 -o /tmp/hamta-pg-install.lock env DEBIAN_FRONTEND=noninteractive bash -c '
      apt-get -q update && apt-get -q install -y --no-install-recommends patroni python3-etcd etcd-server etcd-client postgresql-15' >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    die "installing the packages failed"
  fi
  rm -f "$log"
}

# Runs a command as the PostgreSQL user when root (initdb and postgres refuse to run as root).
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}

port_busy() {
  # shellcheck disable=SC2016
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Starts "$@" in its own session (so down can stop it with everything it started), pid in $pidfile.
spawn() {
  local pidfile="$1" log="$2"; shift 2
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
}

write_member_config() {
  local m="$1" port rest
  port="$(pg_port "$m")" rest="$(rest_port "$m")"
  local nosync=false
  [[ "$m" == pg3 ]] && nosync=true
  cat >"$dir/$m.yml" <<EOF
scope: hamta
name: $m
restapi:
  listen: 127.0.0.1:$rest
  connect_address: 127.0.0.1:$rest
etcd3:
  hosts: 127.0.0.1:$etcd_port
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    primary_start_timeout: 0
    maximum_lag_on_failover: 16777216
    synchronous_mode: true
    synchronous_node_count: 1
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        max_connections: 200
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        wal_log_hints: "on"
        hot_standby: "on"
        hot_standby_feedback: "on"
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:$port
  connect_address: 127.0.0.1:$port
  data_dir: $dir/$m
  bin_dir: $pg_bin
  pgpass: $run/$m.pgpass
  parameters:
    unix_socket_directories: $run
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 trust
    - host replication all 127.0.0.1/32 trust
  authentication:
    superuser:
      username: postgres
    replication:
      username: replicator
    rewind:
      username: postgres
tags:
  nofailover: false
  nosync: $nosync
EOF
}

patronictl() { command patronictl -c "$dir/pg1.yml" "$@"; }

leader_port() {
  local m
  for m in "${members[@]}"; do
    if curl -fsS -o /dev/null "http://127.0.0.1:$(rest_port "$m")/primary" 2>/dev/null; then pg_port "$m"; return 0; fi
  done
  return 1
}

# True once there is a primary, a streaming synchronous standby and a streaming replica.
healthy() {
  local port
  port="$(leader_port)" || return 1
  [[ "$("$pg_bin/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "select count(*) filter (where sync_state = 'sync') || ' ' || count(*) from pg_stat_replication where state = 'streaming'" 2>/dev/null)" == "1 2" ]]
}

up() {
  install_packages
  command -v curl >/dev/null || die "curl is needed for Patroni's REST API"
  mkdir -p "$dir" "$run"
  if [[ "$(id -u)" == 0 ]]; then
    chmod a+x "$repo/.data"
    chown postgres: "$dir" "$run"
    (cd / && runuser -u postgres -- test -x "$dir") || die "user postgres cannot reach $dir (a parent directory is not traversable)"
  fi

  if ! alive "$dir/etcd.pid"; then
    port_busy "$etcd_port" && die "port $etcd_port on 127.0.0.1 is in use; set HAMTA_HA_PORT_BASE"
    say "starting etcd on 127.0.0.1:$etcd_port"
    spawn "$dir/etcd.pid" "$dir/etcd.log" "$(command -v runuser || true)" -u "$( [[ "$(id -u)" == 0 ]] && echo postgres || id -un)" -- \
      etcd --name hamta-etcd --data-dir "$dir/etcd" \
        --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
        --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
        --initial-cluster "hamta-etcd=http://127.0.0.1:$etcd_peer_port" --enable-v2=true
  fi
  local i
  for ((i = 0; i < 60; i++)); do
    ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$etcd_port" endpoint health >/dev/null 2>&1 && break
    sleep 0.5
  done
  ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$etcd_port" endpoint health >/dev/null 2>&1 || { tail -n 20 "$dir/etcd.log" >&2; die "etcd does not answer"; }

  local m
  for m in "${members[@]}"; do
    alive "$dir/$m.pid" && continue
    port_busy "$(pg_port "$m")" && die "port $(pg_port "$m") on 127.0.0.1 is in use; set HAMTA_HA_PORT_BASE"
    write_member_config "$m"
    [[ "$(id -u)" == 0 ]] && chown postgres: "$dir/$m.yml"
    say "starting Patroni $m (PostgreSQL 127.0.0.1:$(pg_port "$m"), REST 127.0.0.1:$(rest_port "$m"))"
    # A Patroni that dies takes its PostgreSQL with it, as a watchdog or a container would: restarted on a running
    # primary, Patroni 3.0.2 rewrites postgresql.conf without synchronous_standby_names and does not set it again
    # while the standby named in etcd stays the same, so commits would go on without the synchronous standby.
    # shellcheck disable=SC2016  # expanded by the supervisor's bash
    spawn "$dir/$m.pid" "$dir/$m.log" bash -c '
      trap "kill -TERM \$child 2>/dev/null; wait \$child; exit 0" TERM
      data="$1"; shift
      while :; do
        "$@" & child=$!
        wait "$child" || true
        echo "supervisor: patroni exited; stopping its PostgreSQL and restarting it"
        [[ -f "$data/postmaster.pid" ]] && "$1" -u postgres -- '"$pg_bin"'/pg_ctl -D "$data" -m immediate -w -t 30 stop
        sleep 0.1
      done' _ "$dir/$m" "$(command -v runuser)" -u postgres -- patroni "$dir/$m.yml"
    # The first member bootstraps the cluster; the others clone it once it has a leader.
    if [[ "$m" == pg1 ]]; then
      for ((i = 0; i < 120; i++)); do leader_port >/dev/null && break; sleep 0.5; done
      leader_port >/dev/null || { tail -n 30 "$dir/pg1.log" >&2; die "no primary after 60 s"; }
    fi
  done

  for ((i = 0; i < 180; i++)); do healthy && break; sleep 0.5; done
  healthy || { patronictl list >&2 || true; die "the standbys are not streaming after 90 s (logs in $dir)"; }

  local port
  port="$(leader_port)"
  if [[ "$("$pg_bin/psql" -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'hamta'")" != 1 ]]; then
    "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres hamta
  fi
  patronictl list >&2
  print_env
}

stop_pidfile() {
  local pidfile="$1" pid i
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

down() {
  local m
  [[ -d "$dir" ]] || { say "nothing to stop"; return 0; }
  for m in "${members[@]}"; do stop_pidfile "$dir/$m.pid"; done
  # A PostgreSQL left behind by a Patroni that was killed outright.
  for m in "${members[@]}"; do
    [[ -f "$dir/$m/postmaster.pid" ]] && as_pg "$pg_bin/pg_ctl" -D "$dir/$m" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  done
  stop_pidfile "$dir/etcd.pid"
  rm -rf "$dir"
  say "stopped and removed $dir"
}

status() {
  [[ -f "$dir/pg1.yml" ]] || { say "not running (no $dir)"; return 3; }
  ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$etcd_port" endpoint health 2>&1 || true
  patronictl list
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: bash scripts/ha.sh up|down|status|env" >&2; exit 2 ;;
esac
