#!/usr/bin/env bash
# Dumps Pledgekeeper's PostgreSQL database to one file, then removes dumps older than the number of
# days kept. pg_dump reads the whole database in one snapshot, so a dump taken while the service
# runs is consistent.
#
#   deploy/backup.sh [DATABASE_URL]
#
# DATABASE_URL      the database (the API's own setting); the first argument, if given, wins
# BACKUP_DIR        where dumps go: /var/backups/pledgekeeper unless set
# BACKUP_KEEP_DAYS  how many days of dumps to keep: 14 unless set
# PG_BIN            the folder of pg_dump and pg_restore, if they are neither on PATH nor under
#                   /usr/lib/postgresql/*/bin
#
# Each dump is pledgekeeper-YYYYMMDDTHHMMSSZ.dump (UTC), in pg_dump's custom format: restore it
# with deploy/restore.sh. It is written beside its final name and renamed only once pg_restore has
# read it back, so a file with the final name is always a whole dump.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=pg-tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg-tools.sh"

url=${1:-${DATABASE_URL:-}}
backup_dir=${BACKUP_DIR:-/var/backups/pledgekeeper}
keep_days=${BACKUP_KEEP_DAYS:-14}

[[ -n $url ]] || die "no database: give its postgres:// URL as the argument or in DATABASE_URL"
[[ $keep_days =~ ^[0-9]+$ && $keep_days -ge 1 ]] || die "BACKUP_KEEP_DAYS must be a whole number of days, 1 or more, not '$keep_days'"
use_database_url "$url"
find_pg_tools

# Dumps hold password hashes, email addresses and young people's messages: for this user only.
umask 077
mkdir -p "$backup_dir"
final="$backup_dir/pledgekeeper-$(date -u +%Y%m%dT%H%M%SZ).dump"
[[ ! -e $final ]] || die "$final already exists: is another backup running?"
partial="$final.partial"
trap 'rm -f "$partial"' EXIT

say "dumping $(describe_url) with $PG_BIN/pg_dump"
"$PG_BIN/pg_dump" --no-password --format=custom --file="$partial" --dbname="$PG_URL" \
  || die "pg_dump failed; nothing was written and no old dump was removed"
"$PG_BIN/pg_restore" --list "$partial" >/dev/null \
  || die "pg_restore cannot read the dump just written; nothing was kept and no old dump was removed"
mv "$partial" "$final"
say "wrote $final ($(stat -c %s "$final") bytes)"

# Only after a good dump: an old dump is never removed for a new one that failed.
removed=0
while IFS= read -r -d '' old; do
  rm -f -- "$old"
  say "removed $old (older than $keep_days days)"
  removed=$((removed + 1))
done < <(find "$backup_dir" -maxdepth 1 -type f -name 'pledgekeeper-*.dump' -mmin +$((keep_days * 24 * 60)) -print0)
say "done: $removed old dump(s) removed; dumps of the last $keep_days days are kept in $backup_dir"
