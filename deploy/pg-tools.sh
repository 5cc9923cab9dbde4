# Shared by backup.sh and restore.sh: messages, and PostgreSQL's own tools pointed at a database URL.
# shellcheck shell=bash

say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() {
  say "error: $*"
  exit 1
}

# Sets PG_BIN to the folder holding pg_dump, pg_restore and psql: $PG_BIN if given, else the one
# on PATH, else the newest under /usr/lib/postgresql (Debian's layout). pg_dump must be at least as
# new as the server it dumps, and says so if it is not.
find_pg_tools() {
  local found
  if [[ -n ${PG_BIN:-} ]]; then
    found=$PG_BIN
  elif found=$(command -v pg_dump); then
    found=$(dirname "$found")
  else
    found=$(compgen -G '/usr/lib/postgresql/*/bin/pg_dump' | sort -V | tail -n 1 || true)
    [[ -n $found ]] || die "no pg_dump on PATH or under /usr/lib/postgresql/*/bin: install PostgreSQL's client tools, or set PG_BIN"
    found=$(dirname "$found")
  fi
  local tool
  for tool in pg_dump pg_restore psql; do
    [[ -x $found/$tool ]] || die "$found/$tool is missing: set PG_BIN to a folder with pg_dump, pg_restore and psql"
  done
  PG_BIN=$found
}

# Sets PG_URL to a postgres:// URL without its password, and exports the password as PGPASSWORD:
# a password in a command line can be read by any user of the machine, the environment cannot.
# Node (which Pledgekeeper needs anyway) parses the URL, percent-encoding and all; the URL reaches
# it through the environment for the same reason.
use_database_url() {
  local parts=()
  # shellcheck disable=SC2016 # the single quotes keep JavaScript's template literal from bash
  mapfile -d '' -t parts < <(
    PK_DATABASE_URL="$1" node -e '
      const url = new URL(process.env.PK_DATABASE_URL);
      if (!/^postgres(ql)?:$/.test(url.protocol)) throw new Error("not a postgres:// URL");
      const password = decodeURIComponent(url.password);
      url.password = "";
      process.stdout.write(`${url}\0${password}\0`);
    ' 2>/dev/null
  )
  [[ ${#parts[@]} -eq 2 ]] || die "the database URL must be a postgres:// or postgresql:// URL"
  PG_URL=${parts[0]}
  if [[ -n ${parts[1]} ]]; then export PGPASSWORD=${parts[1]}; fi
}

# Where a URL points, with no password in it: safe to print.
describe_url() {
  printf '%s' "${PG_URL%%\?*}"
}
