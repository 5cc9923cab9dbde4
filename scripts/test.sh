#!/usr/bin/env bash
# Installs what the tests need (pnpm, dependencies, Chromium, nginx, a throwaway PostgreSQL), runs
# the lint and every package's tests and ends with one line: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh
export DEBIAN_FRONTEND=noninteractive

apt_updated=''
apt_install() {
  pk_is_root || pk_die "$* is missing and only root can install it: run 'apt-get install -y $*' as root, then run this again"
  if [ -z "$apt_updated" ]; then
    pk_log "apt-get update"
    apt-get update -q >&2
    apt_updated=1
  fi
  pk_log "apt-get install $*"
  apt-get install -y -q "$@" >&2
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || pk_die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file"
    return 0
  fi
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium
  [ -x /usr/bin/chromium ] || pk_die "chromium was installed but /usr/bin/chromium is missing"
}

# For the multi-instance test. Debian may start its own nginx on port 80 as it installs it: the
# test's nginx has its own configuration, ports, pid file and folder, so that one is left be.
ensure_nginx() {
  [ -x /usr/sbin/nginx ] && return 0
  apt_install nginx-light
  [ -x /usr/sbin/nginx ] || pk_die "nginx-light was installed but /usr/sbin/nginx is missing"
}

find_pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

pg_dir=''
pg_bin=''
# Runs a PostgreSQL command as the user that owns the cluster (initdb refuses root).
as_pg_owner() {
  if pk_is_root; then
    (cd "$pg_dir" && runuser -u postgres -- "$@")
  else
    (cd "$pg_dir" && "$@")
  fi
}

stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  pg_dir=''
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts a PostgreSQL of our own in a temporary folder, on a free port, and exports its URL.
start_postgres() {
  pg_bin=$(find_pg_bin || true)
  if [ -z "$pg_bin" ]; then
    apt_install postgresql
    pg_bin=$(find_pg_bin || true)
    [ -n "$pg_bin" ] || pk_die "no initdb under /usr/lib/postgresql/*/bin after installing postgresql"
  fi
  # As root the folder must be reachable by the postgres user, so it goes under /tmp.
  local tmp="${TMPDIR:-/tmp}"
  pk_is_root && tmp=/tmp
  pg_dir=$(mktemp -d "$tmp/pledgekeeper-pg.XXXXXX")
  mkdir "$pg_dir/socket"
  if pk_is_root; then
    id postgres >/dev/null 2>&1 || pk_die "there is no postgres user to run PostgreSQL as"
    chown -R postgres: "$pg_dir"
  fi
  local port
  port=$(pk_free_port)
  pk_log "starting PostgreSQL ($pg_bin) on 127.0.0.1:$port"
  as_pg_owner "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; pk_die "initdb failed"; }
  # Durability is worthless for a database that is deleted in a minute.
  as_pg_owner "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; pk_die "PostgreSQL did not start"; }
  export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

pk_ensure_pnpm
pk_use_local_node_headers
ensure_chromium
ensure_nginx
pk_install_dependencies
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  pk_log "using the PostgreSQL at TEST_POSTGRES_URL"
else
  start_postgres
fi

rm -rf apps/*/.test-results packages/*/.test-results .turbo/runs .turbo/lint-output.log
mkdir -p .turbo
# The lint counts as one more check in the closing line (summarise-tests.mjs reads its output).
pk_log "pnpm lint"
set +e
pnpm lint 2>&1 | tee .turbo/lint-output.log
echo "exit status ${PIPESTATUS[0]}" >>.turbo/lint-output.log
set -e
# The root test script passes --continue: one failing package must not hide the others.
# --summarize keeps each package's exit code, and the output keeps what vitest said outside its
# json report (errors caught outside any test): the summary counts both as failures.
pk_log "pnpm test --summarize"
set +e
pnpm test --summarize 2>&1 | tee .turbo/test-output.log
test_status=${PIPESTATUS[0]}
set -e
stop_postgres

summary_status=0
node scripts/summarise-tests.mjs --require-exit-codes --turbo-output .turbo/test-output.log --lint-output .turbo/lint-output.log || summary_status=$?
if [ "$test_status" -ne 0 ]; then exit "$test_status"; fi
exit "$summary_status"
