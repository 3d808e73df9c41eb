#!/usr/bin/env bash
# Local PostgreSQL for Hamta: one private cluster per purpose ("dev", "test"),
# kept under <repo>/.data/<name> and listening on 127.0.0.1:<port> (trust auth).
#
#   bash scripts/pg.sh <name> <port> [database]    # prints the connection string
#   source scripts/pg.sh
#   hamta_pg_ensure <name> <port> [database]       # sets HAMTA_PG_CONNECTION
#
# Idempotent and safe to call concurrently: installs Debian's postgresql package
# when missing, initialises the cluster once, starts it when it is not running,
# waits until it answers and creates the database when missing.
# Progress goes to stderr; only the executable form writes to stdout.

_HAMTA_PG_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

_hamta_pg_say() { printf 'pg.sh: %s\n' "$*" >&2; }

# The env var callers use to pick the port for a given cluster name.
_hamta_pg_port_var() {
  case "$1" in
    dev) echo HAMTA_PG_PORT ;;
    test) echo HAMTA_TEST_PG_PORT ;;
    *) echo "the port argument" ;;
  esac
}

# Prints the newest /usr/lib/postgresql/<ver>/bin, or nothing.
_hamta_pg_newest_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/pg_ctl" && -x "$d/initdb" ]] || continue
    if [[ -z "$best" ]] || [[ "$(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n 1)" == "$d" ]]; then
      best="$d"
    fi
  done
  [[ -n "$best" ]] && echo "$best"
}

# Prints the PostgreSQL bin dir, installing Debian's postgresql package if needed.
_hamta_pg_bin() {
  local bin log
  bin="$(_hamta_pg_newest_bin)" && { echo "$bin"; return 0; }

  local -a sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      _hamta_pg_say "error: PostgreSQL is not installed and installing it needs root: run 'apt-get install postgresql' as root"
      return 1
    fi
  fi
  _hamta_pg_say "PostgreSQL not found; installing Debian's postgresql package (apt-get, may take a minute)..."
  log="$(mktemp "${TMPDIR:-/tmp}/hamta-apt.XXXXXX")" || return 1
  # One installer at a time (the dev and test clusters have separate locks).
  # flock -o: the lock is not inherited by the servers the package's scripts start.
  # shellcheck disable=SC2016  # expanded by the inner bash
  if ! "${sudo[@]}" flock -w 900 -o /tmp/hamta-pg-install.lock \
      env DEBIAN_FRONTEND=noninteractive bash -c '
        compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null && exit 0
        apt-get -q update && apt-get -q install -y postgresql' >"$log" 2>&1; then
    _hamta_pg_say "error: installing postgresql failed; last lines of the apt-get output:"
    tail -n 20 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  bin="$(_hamta_pg_newest_bin)" || { _hamta_pg_say "error: postgresql installed but no /usr/lib/postgresql/*/bin found"; return 1; }
  echo "$bin"
}

# _hamta_pg_as <user|""> cmd...: runs cmd as <user> (via runuser) or as the current user.
_hamta_pg_as() {
  local user="$1"; shift
  if [[ -n "$user" ]]; then
    (cd / && runuser -u "$user" -- "$@")
  else
    (cd / && "$@")
  fi
}

# True if something accepts TCP connections on 127.0.0.1:<port>.
_hamta_pg_port_busy() {
  # shellcheck disable=SC2016  # $1 is expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Creates an empty directory owned by <user> (when set), mode 700 for data dirs.
_hamta_pg_mkdir_owned() {
  local dir="$1" user="$2" mode="$3"
  mkdir -p "$dir" || return 1
  if [[ -n "$user" ]]; then chown "$user:" "$dir" || return 1; fi
  chmod "$mode" "$dir"
}

# The part of hamta_pg_ensure that runs under the lock. Arguments:
# name port db datadir rundir logfile lockfd bindir
_hamta_pg_setup_locked() {
  local name="$1" port="$2" db="$3" data="$4" run="$5" log="$6" lockfd="$7" bin="$8"
  local user="" ver pid comm running_port st

  # Which OS user owns and runs the cluster.
  if [[ "$(id -u)" == 0 ]]; then
    user=postgres
    if [[ -f "$data/PG_VERSION" ]]; then
      local owner
      owner="$(stat -c %U "$data")"
      [[ "$owner" != root ]] && user="$owner"
    fi
    id "$user" >/dev/null 2>&1 || { _hamta_pg_say "error: user '$user' does not exist (it comes with Debian's postgresql package)"; return 1; }
  elif [[ -e "$data" && ! -O "$data" ]]; then
    _hamta_pg_say "error: $data belongs to $(stat -c %U "$data"); run as root or delete it"
    return 1
  fi

  # An existing cluster must be run by the server version that created it.
  if [[ -f "$data/PG_VERSION" ]]; then
    ver="$(cat "$data/PG_VERSION")"
    if [[ "$bin" != "/usr/lib/postgresql/$ver/bin" ]]; then
      if [[ -x "/usr/lib/postgresql/$ver/bin/pg_ctl" ]]; then
        bin="/usr/lib/postgresql/$ver/bin"
      else
        _hamta_pg_say "error: $data was created by PostgreSQL $ver, which is not installed; delete that directory to start afresh"
        return 1
      fi
    fi
  fi

  # Directories and log file, owned by the server user.
  if [[ ! -f "$data/PG_VERSION" ]]; then
    _hamta_pg_mkdir_owned "$data" "$user" 700 || return 1
  fi
  _hamta_pg_mkdir_owned "$run" "$user" 755 || return 1
  touch "$log" || return 1
  if [[ -n "$user" ]]; then chown "$user:" "$log" || return 1; fi

  # First use: initdb.
  if [[ ! -f "$data/PG_VERSION" ]]; then
    _hamta_pg_say "initialising cluster '$name' in $data"
    local -a initdb=("$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8)
    if ! _hamta_pg_as "$user" "${initdb[@]}" --locale=C.UTF-8 >>"$log" 2>&1; then
      _hamta_pg_say "initdb with locale C.UTF-8 failed; retrying with locale C"
      if ! _hamta_pg_as "$user" "${initdb[@]}" --locale=C >>"$log" 2>&1; then
        _hamta_pg_say "error: initdb failed; see $log"
        tail -n 20 "$log" >&2
        return 1
      fi
    fi
    {
      echo
      echo "# Added by scripts/pg.sh (port and socket directory are passed by pg_ctl -o)"
      echo "listen_addresses = '127.0.0.1'"
      echo "max_connections = 200"
      if [[ "$name" == test ]]; then
        echo "# Throwaway test cluster: durability off for speed. Never use for real data."
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } >>"$data/postgresql.conf" || return 1
  fi

  # Already running? A postmaster.pid whose PID now belongs to another
  # program (e.g. after a container restart) is stale: remove it.
  if [[ -f "$data/postmaster.pid" ]]; then
    pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null)"
    comm="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ && -n "$comm" && "$comm" != postgres && "$comm" != postmaster ]]; then
      _hamta_pg_say "removing stale $data/postmaster.pid (PID $pid is now '$comm')"
      rm -f "$data/postmaster.pid"
    fi
  fi
  st=0
  _hamta_pg_as "$user" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || st=$?
  if [[ "$st" == 0 ]]; then
    running_port="$(sed -n 4p "$data/postmaster.pid" 2>/dev/null)"
    if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
      if _hamta_pg_port_busy "$port"; then
        _hamta_pg_say "error: port $port on 127.0.0.1 is already in use by another program;" \
          "set $(_hamta_pg_port_var "$name") to a free port (cluster '$name' keeps running on port $running_port)"
        return 1
      fi
      _hamta_pg_say "cluster '$name' runs on port $running_port, not $port: restarting it"
      _hamta_pg_as "$user" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || {
        _hamta_pg_say "error: could not stop the server in $data"; return 1; }
      st=3
    fi
  fi

  if [[ "$st" != 0 ]]; then
    if _hamta_pg_port_busy "$port"; then
      _hamta_pg_say "error: port $port on 127.0.0.1 is already in use by another program;" \
        "set $(_hamta_pg_port_var "$name") to a free port"
      return 1
    fi
    if (( ${#run} + 20 > 107 )); then
      _hamta_pg_say "error: socket directory path is too long for a Unix socket: $run"
      return 1
    fi
    _hamta_pg_say "starting PostgreSQL '$name' on 127.0.0.1:$port (log: $log)"
    # The lock fd is closed for pg_ctl so the server does not inherit (and hold) the lock.
    # (pg_ctl runs -o through /bin/sh, hence the quotes around the socket dir.)
    if ! (
      exec {lockfd}>&-
      _hamta_pg_as "$user" "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start \
        -o "-p $port -k '$run' -c listen_addresses=127.0.0.1" >/dev/null
    ); then
      _hamta_pg_say "error: PostgreSQL did not start; last lines of $log:"
      tail -n 20 "$log" >&2
      return 1
    fi
  fi

  # Wait until it answers on TCP.
  local i
  for ((i = 0; i < 120; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && break
    sleep 0.5
  done
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
    _hamta_pg_say "error: PostgreSQL on 127.0.0.1:$port does not answer; see $log"
    return 1
  fi

  # Database.
  if [[ "$db" != postgres ]]; then
    local exists
    exists="$(PGCONNECT_TIMEOUT=10 "$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
      "select 1 from pg_database where datname='$db'")" || {
      _hamta_pg_say "error: cannot query PostgreSQL on 127.0.0.1:$port"; return 1; }
    if [[ "$exists" != 1 ]]; then
      _hamta_pg_say "creating database '$db'"
      "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" || return 1
    fi
  fi
}

# hamta_pg_ensure <name> <port> [database]: sets HAMTA_PG_CONNECTION.
hamta_pg_ensure() {
  local name="${1:-}" port="${2:-}" db="${3:-postgres}"
  if [[ ! "$name" =~ ^[A-Za-z0-9_-]+$ || ! "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
    _hamta_pg_say "usage: hamta_pg_ensure <name> <port> [database]"
    return 2
  fi
  if [[ ! "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
    _hamta_pg_say "error: invalid database name '$db' (letters, digits and _ only)"
    return 2
  fi

  # Installs PostgreSQL (and so the postgres user) first if needed.
  local bin
  bin="$(_hamta_pg_bin)" || return 1

  local repo="$_HAMTA_PG_REPO" uid hash fallback base data run log lock
  uid="$(id -u)"
  hash="$(printf '%s' "$repo" | sha256sum | cut -c1-8)"
  fallback="/tmp/hamta-pg-$name-$uid-$hash"

  # Default layout: <repo>/.data/{<name>,<name>-run,<name>.log,<name>.lock}.
  base="$repo/.data"
  data="$base/$name" run="$base/$name-run" log="$base/$name.log" lock="$base/$name.lock"
  local use_fallback=""
  if ! mkdir -p "$base" 2>/dev/null || [[ ! -w "$base" ]]; then
    use_fallback="$repo/.data is not writable"
  elif [[ "$uid" == 0 ]]; then
    # The server user must be able to reach .data: make .data traversable, then
    # check every parent (runuser test -x fails if any ancestor is not searchable).
    chmod a+x "$base" 2>/dev/null || true
    if ! (cd / && runuser -u postgres -- test -x "$base") 2>/dev/null; then
      use_fallback="user postgres cannot reach $base (a parent directory is not traversable)"
    fi
  fi
  if (( ${#run} + 20 > 107 )); then
    use_fallback="the path $run is too long for a Unix socket"
  fi
  if [[ -n "$use_fallback" ]]; then
    _hamta_pg_say "note: $use_fallback; using $fallback instead"
    data="$fallback" run="$fallback-run" log="$fallback.log" lock="$fallback.lock"
  fi
  touch "$lock" || return 1

  local lockfd rc=0
  exec {lockfd}>>"$lock" || return 1
  if ! flock -w 300 "$lockfd"; then
    exec {lockfd}>&-
    _hamta_pg_say "error: timed out waiting for the lock $lock"
    return 1
  fi
  _hamta_pg_setup_locked "$name" "$port" "$db" "$data" "$run" "$log" "$lockfd" "$bin" || rc=$?
  exec {lockfd}>&-
  (( rc == 0 )) || return "$rc"

  HAMTA_PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  export HAMTA_PG_CONNECTION
}

# Executed (not sourced): print the connection string.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -uo pipefail
  if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: bash scripts/pg.sh <name> <port> [database]" >&2
    exit 2
  fi
  hamta_pg_ensure "$@" || exit $?
  printf '%s\n' "$HAMTA_PG_CONNECTION"
fi
