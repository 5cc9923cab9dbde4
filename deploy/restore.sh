#!/usr/bin/env bash
# Restores a dump made by deploy/backup.sh into a new, empty PostgreSQL database.
#
#   deploy/restore.sh DUMP_FILE TARGET_DATABASE_URL
#
# The target must exist and hold no tables: this script never overwrites a database. Make one
# first, owned by the role the API connects as (see docs/deploy.md, "Restoring"). Every object is
# restored owned by the role in TARGET_DATABASE_URL (the dump's owners and grants are not
# replayed), in one transaction: if anything fails, the target is left empty.
# PG_BIN names the folder of pg_restore and psql if they are neither on PATH nor under
# /usr/lib/postgresql/*/bin.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=pg-tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg-tools.sh"

[[ $# -eq 2 ]] || die "usage: ${0##*/} DUMP_FILE TARGET_DATABASE_URL"
dump=$1
[[ -f $dump && -r $dump ]] || die "$dump is not a file this user can read"
use_database_url "$2"
find_pg_tools
target=$(describe_url)

"$PG_BIN/pg_restore" --list "$dump" >/dev/null || die "$dump is not a dump pg_restore can read"

# Runs one query on the target, printing its result bare.
query() {
  "$PG_BIN/psql" --no-password --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 \
    --dbname="$PG_URL" --command="$1"
}

relations=$(query "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
    and n.nspname not like 'pg\_temp%'") || die "cannot query $target: does it exist, and may this role connect?"
[[ $relations -eq 0 ]] \
  || die "$target is not empty ($relations tables, indexes or sequences): restore into a new, empty database"

say "restoring $dump into $target"
"$PG_BIN/pg_restore" --no-password --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$PG_URL" "$dump" || die "pg_restore failed; $target was left as it was"

tables=$(query "select count(*) from pg_tables where schemaname = 'public'")
migration=$(query "select max(name) from kysely_migration" 2>/dev/null || echo 'unknown')
say "restored $tables tables into $target; its newest migration is $migration"
say "start the API with DATABASE_URL set to this database, with the release that made the dump or a newer one"
