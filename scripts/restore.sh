#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a NEW database:
#   scripts/restore.sh [--neutralize] BACKUP_DIR NEW_DB
#
# Checks the sha256 of both files against manifest.json, creates NEW_DB (refuses if it exists,
# or if its filestore folder exists), pg_restore --no-owner, then unpacks the filestore into
# DATA_DIR/filestore/NEW_DB (DATA_DIR: $ODOO_DATA_DIR, else the project's $SK_STATE/filestore).
# On failure, the database and filestore it created are removed again.
#
# --neutralize: for a TEST COPY only. Runs Odoo's own `odoo neutralize` (every installed module's
# data/neutralize.sql: all crons but autovacuum off, outgoing mail servers replaced by an invalid
# one, webhooks off, the "neutralized" banner), pauses and archives every Smart Kids LINE channel
# (smart_kids_line has no neutralize.sql of its own, and its sender only looks at the channel's
# state, not at `active`) and gives the copy a new database.uuid/secret, as Odoo's own "copy"
# restore does. Restoring production after a disaster must NOT use it.
set -euo pipefail

usage() { echo "usage: $0 [--neutralize] BACKUP_DIR NEW_DB" >&2; exit 2; }
NEUTRALIZE=0
ARGS=()
for arg in "$@"; do
    case $arg in
        --neutralize) NEUTRALIZE=1 ;;
        -h | --help) usage ;;
        -*) echo "unknown option $arg" >&2; usage ;;
        *) ARGS+=("$arg") ;;
    esac
done
[ ${#ARGS[@]} -eq 2 ] || usage
BACKUP=${ARGS[0]}
DB=${ARGS[1]}

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
DATA_DIR="${ODOO_DATA_DIR:-$SK_STATE/filestore}"
FILESTORE="$DATA_DIR/filestore/$DB"

[[ $DB =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || sk_die "invalid database name: $DB"
for f in db.dump filestore.tar.gz manifest.json; do
    [ -f "$BACKUP/$f" ] || sk_die "$BACKUP/$f is missing"
done

manifest_value() {  # a top-level string of manifest.json, or files.<name>
    "$SK_VENV/bin/python" -c '
import json, sys
data = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("/"):
    data = data[key]
print(data)' "$BACKUP/manifest.json" "$1"
}
for f in db.dump filestore.tar.gz; do
    want=$(manifest_value "files/$f")
    have=$(sha256sum "$BACKUP/$f" | cut -d' ' -f1)
    [ "$want" = "$have" ] || sk_die "$BACKUP/$f: sha256 $have, manifest says $want"
done

db_exists() {
    [ "$(psql -d postgres -XAtc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}
db_exists "$DB" && sk_die "database $DB already exists: refusing to overwrite it"
[ -e "$FILESTORE" ] && sk_die "$FILESTORE already exists: refusing to overwrite it"

created_db=0
created_fs=0
cleanup() {
    local rc=$?
    if [ $rc -ne 0 ]; then
        echo "restore failed; removing what it created" >&2
        [ $created_db = 1 ] && dropdb --if-exists "$DB"
        [ $created_fs = 1 ] && rm -rf "$FILESTORE"
    fi
    return $rc
}
trap cleanup EXIT

# as Odoo creates its databases (UTF8, template0), with the source's collation
collate=$(manifest_value collate)
ctype=$(manifest_value ctype)
createdb -T template0 -E UTF8 --lc-collate="$collate" --lc-ctype="$ctype" "$DB"
created_db=1
pg_restore --no-owner --no-privileges --exit-on-error -d "$DB" "$BACKUP/db.dump"

mkdir -p "$FILESTORE"
created_fs=1
tar -C "$FILESTORE" -xzf "$BACKUP/filestore.tar.gz"

if [ $NEUTRALIZE = 1 ]; then
    # shellcheck disable=SC2046  # sk_odoo_args is a list of options, split on purpose
    sk_odoo neutralize $(sk_odoo_args) --data-dir="$DATA_DIR" -d "$DB" --log-level=warn
    [ "$(psql -d "$DB" -XAtc "SELECT value FROM ir_config_parameter
                                WHERE key = 'database.is_neutralized'")" = true ] \
        || sk_die "odoo neutralize did not mark $DB as neutralized"
    psql -d "$DB" -X -v ON_ERROR_STOP=1 -q <<'SQL'
-- a copy is another database for Odoo's services and sessions (as Odoo's own copy-restore)
UPDATE ir_config_parameter SET value = gen_random_uuid()::text WHERE key = 'database.uuid';
UPDATE ir_config_parameter SET value = gen_random_uuid()::text WHERE key = 'database.secret';
SQL
    echo "restored $BACKUP into $DB (neutralized: crons, mail, LINE channels off: smart_kids_line/data/neutralize.sql)"
else
    echo "restored $BACKUP into $DB (NOT neutralized: crons and LINE will run as in production)"
fi
