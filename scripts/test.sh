#!/usr/bin/env bash
# Builds Hamta and runs all tests: bash scripts/test.sh [dotnet test arguments...]
#
#   HAMTA_TEST_CONNECTION     use this PostgreSQL server instead of the local test cluster
#   HAMTA_TEST_PG_PORT        port of the local test cluster (default 55433)
#   HAMTA_SKIP_CODEGEN_CHECK  set to 1 to skip the generated-code check
#   HAMTA_CHROMIUM            the Chromium the browser tests drive (default /usr/bin/chromium,
#                             installed from Debian's packages when missing)
#
# Output of the test run is kept in artifacts/test-output.txt; the browser tests'
# screenshots of every page, at phone and desktop size, in artifacts/screenshots.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

generated_dir=src/Host/Internal/Generated
mkdir -p artifacts

# --- PostgreSQL ---------------------------------------------------------------
if [[ -z "${HAMTA_TEST_CONNECTION:-}" ]]; then
  # shellcheck source=scripts/pg.sh
  source scripts/pg.sh
  # Database "postgres": the test fixture creates a fresh database per run itself.
  hamta_pg_ensure test "${HAMTA_TEST_PG_PORT:-55433}"
  export HAMTA_TEST_CONNECTION="$HAMTA_PG_CONNECTION"
fi

# --- Chromium for the browser tests ---------------------------------------------
ensure_chromium() {
  local chromium="${HAMTA_CHROMIUM:-/usr/bin/chromium}"
  [[ -x "$chromium" ]] && return 0
  if [[ -n "${HAMTA_CHROMIUM:-}" ]]; then
    echo "error: HAMTA_CHROMIUM=$chromium is not an executable" >&2
    exit 1
  fi
  local -a sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "error: Chromium is missing and installing it needs root: run 'apt-get install chromium' as root" >&2
      exit 1
    fi
  fi
  echo "Chromium not found; installing Debian's chromium package (apt-get, may take a minute)..." >&2
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/hamta-apt.XXXXXX")"
  # The same lock as the PostgreSQL install in scripts/pg.sh: one apt-get at a time.
  if ! "${sudo[@]}" flock -w 900 -o /tmp/hamta-pg-install.lock \
      env DEBIAN_FRONTEND=noninteractive bash -c '
        [[ -x /usr/bin/chromium ]] && exit 0
        apt-get -q update && apt-get -q install -y chromium' >"$log" 2>&1; then
    echo "error: installing chromium failed; last lines of the apt-get output:" >&2
    tail -n 20 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

ensure_chromium

# --- Generated-code check -----------------------------------------------------
# One "sha256  path" line per file under the generated-code directory.
snapshot_generated() {
  [[ -d "$generated_dir" ]] || return 0
  find "$generated_dir" -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum
}

# Regenerates the pre-generated handler code and fails if that changed anything,
# i.e. the code in the tree was stale.
check_generated_code() {
  if [[ "${HAMTA_SKIP_CODEGEN_CHECK:-}" == 1 ]]; then
    echo "Skipping the generated-code check (HAMTA_SKIP_CODEGEN_CHECK=1)." >&2
    return 0
  fi
  echo "Checking the generated code in $generated_dir..." >&2

  local before after changed
  before="$(snapshot_generated)"
  ConnectionStrings__Hamta="$HAMTA_TEST_CONNECTION" bash scripts/codegen.sh Release
  after="$(snapshot_generated)"

  if [[ "$before" != "$after" ]]; then
    changed="$({ diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") || true; } |
      sed -n -E 's/^[<>] [0-9a-f]+  //p' | LC_ALL=C sort -u)"
    echo >&2
    echo "The pre-generated handler code in $generated_dir was stale and has been regenerated: run the tests again and commit it." >&2
    echo "Changed files:" >&2
    sed 's/^/  /' <<<"$changed" >&2
    exit 1
  fi
}

check_generated_code

# --- Build --------------------------------------------------------------------
echo "Building (Release)..." >&2
dotnet build Hamta.sln -c Release -warnaserror -nologo -v q

# --- Tests --------------------------------------------------------------------
# Sums the Microsoft.Testing.Platform summary blocks ("Test run summary: ..."
# followed by "  total: N", "  failed: N", "  succeeded: N", "  skipped: N")
# and prints "N passed, M failed[, K skipped]"; prints nothing if there are none.
print_test_summary() {
  sed -E 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$1" | awk '
    /Test run summary:/ { insum = 1; next }
    insum && NF == 2 && $2 ~ /^[0-9]+$/ && $1 ~ /^(total|failed|succeeded|skipped):$/ {
      n[$1] += $2; found = 1; next
    }
    insum && ($1 == "duration:" || /^[^ \t]/) { insum = 0 }
    END {
      if (!found) exit
      line = (n["succeeded:"] + 0) " passed, " (n["failed:"] + 0) " failed"
      if (n["skipped:"] > 0) line = line ", " n["skipped:"] " skipped"
      print line
    }'
}

output=artifacts/test-output.txt
set +e
dotnet test --solution Hamta.sln -c Release --no-build "$@" 2>&1 | tee "$output"
rc=${PIPESTATUS[0]}
set -e

print_test_summary "$output"
exit "$rc"
