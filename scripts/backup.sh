#!/usr/bin/env bash
# Back up one Odoo database of the project: scripts/backup.sh DB DEST_DIR
#
# Writes into DEST_DIR (created if missing; an earlier backup there is replaced whole):
#   db.dump            pg_dump -Fc of DB (restore with scripts/restore.sh)
#   filestore.tar.gz   DATA_DIR/filestore/DB (attachment files), paths relative to that folder
#   manifest.json      date, db, Odoo version, installed module versions, sha256 of both files
#
# DATA_DIR is Odoo's --data-dir: the project's is $SK_STATE/filestore (scripts/env.sh,
# sk_odoo_args), so a database's files are in $SK_STATE/filestore/filestore/DB. Set
# ODOO_DATA_DIR to back up from another data dir.
#
# Order and consistency: the dump is taken first, the filestore afterwards. pg_dump reads one
# snapshot; Odoo never rewrites an attachment file in place (files are content-addressed by
# their sha1: new content is a new file), and unlinking an attachment does not remove its file
# (it is only put on a checklist that the daily autovacuum cron garbage-collects later, and only
# if no row references it any more). So every file referenced by the dump is still there when
# the tar reads it; files added meanwhile are extra (harmless). The one residual window: an
# attachment deleted after the dump's snapshot AND the autovacuum GC running before the tar
# finishes - do not schedule backups over the autovacuum cron.
set -euo pipefail

usage() { echo "usage: $0 DB DEST_DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
DB=$1
DEST=$2

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
DATA_DIR="${ODOO_DATA_DIR:-$SK_STATE/filestore}"
FILESTORE="$DATA_DIR/filestore/$DB"

db_exists() {
    [ "$(psql -d postgres -XAtc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}
db_exists "$DB" || sk_die "database $DB does not exist"
psql -d "$DB" -XAtc "SELECT 1 FROM ir_module_module LIMIT 1" >/dev/null 2>&1 \
    || sk_die "$DB is not an Odoo database (no ir_module_module)"

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
TMP=$(mktemp -d "$DEST/.backup.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# 1. the database (one snapshot)
pg_dump -Fc -f "$TMP/db.dump" "$DB"
# 2. the filestore, after the dump (see above). A database without stored files has no folder.
if [ -d "$FILESTORE" ]; then
    tar -C "$FILESTORE" -czf "$TMP/filestore.tar.gz" .
else
    echo "note: no filestore at $FILESTORE; the archive is empty" >&2
    tar -czf "$TMP/filestore.tar.gz" -T /dev/null
fi
finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)

sha_dump=$(sha256sum "$TMP/db.dump" | cut -d' ' -f1)
sha_fs=$(sha256sum "$TMP/filestore.tar.gz" | cut -d' ' -f1)
odoo_version=$(sk_odoo --version 2>/dev/null | sed 's/^Odoo Server //')
# the rest of the manifest comes from the database itself, as JSON built by PostgreSQL
psql -d "$DB" -XAt \
    -v started="$started" -v finished="$finished" -v db="$DB" -v odoo="$odoo_version" \
    -v sha_dump="$sha_dump" -v sha_fs="$sha_fs" -v filestore="$FILESTORE" \
    >"$TMP/manifest.json" <<'SQL'
SELECT jsonb_pretty(jsonb_build_object(
    'format', 'smart-kids-backup/1',
    'started', :'started',
    'finished', :'finished',
    'db', :'db',
    'odoo_version', :'odoo',
    'postgresql_version', current_setting('server_version'),
    'encoding', pg_encoding_to_char(d.encoding),
    'collate', d.datcollate,
    'ctype', d.datctype,
    'filestore_source', :'filestore',
    'modules', (SELECT jsonb_object_agg(name, latest_version ORDER BY name)
                  FROM ir_module_module WHERE state = 'installed'),
    'files', jsonb_build_object('db.dump', :'sha_dump', 'filestore.tar.gz', :'sha_fs')))
  FROM pg_database d WHERE d.datname = current_database();
SQL

mv -f "$TMP/db.dump" "$TMP/filestore.tar.gz" "$TMP/manifest.json" "$DEST/"
echo "backup of $DB in $DEST: db.dump $(du -h "$DEST/db.dump" | cut -f1)," \
    "filestore.tar.gz $(du -h "$DEST/filestore.tar.gz" | cut -f1)"
