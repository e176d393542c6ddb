#!/usr/bin/env bash
# scripts/backup.sh and scripts/restore.sh, end to end on a real database with demo data:
# - sk_bk_src gets smart_kids + smart_kids_reports with demo data (lunch photos are attachments
#   in the filestore); backup.sh backs it up into a temporary folder;
# - restore.sh restores it into sk_bk_restored (disaster recovery: not neutralized) and, with
#   --neutralize, into sk_bk_restored_copy (a test copy); a second restore into
#   sk_bk_restored must be refused and leave it untouched;
# - equal in source and restore: row count of every smart_kids_* table, ir_attachment,
#   res_users; for one photo attachment, the sha256 of its file in both filestores and of
#   ir.attachment.raw read through Odoo (odoo shell) in the restored database;
# - the plain restore keeps its crons; the copy is neutralized (only autovacuum runs).
# Prints "BACKUP RESTORE OK: N tables, M rows, photo <sha256>"; exits 1 on any difference.
# Removes its databases, filestores and files on exit.
#
#   bash tests/backup_restore_check.sh
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

SRC=sk_bk_src
DST=sk_bk_restored
COPY=sk_bk_restored_copy
DATA_DIR="${ODOO_DATA_DIR:-$SK_STATE/filestore}"
export ODOO_DATA_DIR="$DATA_DIR"
WORK=""
T0=$SECONDS

cleanup() {
    local rc=$?
    for db in "$SRC" "$DST" "$COPY"; do
        PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$db" || true
        rm -rf "${DATA_DIR:?}/filestore/$db"
    done
    [ -z "$WORK" ] || rm -rf "$WORK"
    return $rc
}
trap cleanup EXIT
cleanup  # leftovers of an interrupted run
WORK=$(mktemp -d /tmp/sk-backup-check.XXXXXX)

fail() {
    echo "BACKUP RESTORE FAILED: $*" >&2
    exit 1
}
q() { psql -d "$1" -XAtc "$2"; }
step() { echo "[$((SECONDS - T0))s] $*"; }

step "creating $SRC (smart_kids, smart_kids_reports, demo data); log in $WORK/install.log"
# shellcheck disable=SC2046  # sk_odoo_args is a list of options, split on purpose
sk_odoo $(sk_odoo_args) --data-dir="$DATA_DIR" -d "$SRC" -i smart_kids,smart_kids_reports \
    --stop-after-init --log-level=warn >"$WORK/install.log" 2>&1 \
    || { tail -40 "$WORK/install.log"; fail "could not create $SRC"; }

step "backup.sh $SRC $WORK/backup"
bash "$SK_ROOT/scripts/backup.sh" "$SRC" "$WORK/backup"
step "restore.sh $WORK/backup $DST"
bash "$SK_ROOT/scripts/restore.sh" "$WORK/backup" "$DST"
step "restore.sh --neutralize $WORK/backup $COPY"
bash "$SK_ROOT/scripts/restore.sh" --neutralize "$WORK/backup" "$COPY"

step "comparing"
errors=()
# row counts, one query per database (query_to_xml counts each table)
count_sql="SELECT c.relname, (xpath('/row/n/text()',
                 query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]
             FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
            WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND (c.relname LIKE 'smart\_kids\_%' OR c.relname IN ('ir_attachment', 'res_users'))
         ORDER BY 1"
q "$SRC" "$count_sql" >"$WORK/counts.src"
for db in "$DST" "$COPY"; do
    q "$db" "$count_sql" >"$WORK/counts.$db"
    if ! diff -u "$WORK/counts.src" "$WORK/counts.$db" >"$WORK/counts.diff"; then
        errors+=("row counts differ in $db: $(cat "$WORK/counts.diff")")
    fi
done
tables=$(wc -l <"$WORK/counts.src")
rows=$(awk -F'|' '{ n += $2 } END { print n }' "$WORK/counts.src")
grep -q '^smart_kids_photo|[1-9]' "$WORK/counts.src" || errors+=("no smart_kids_photo rows in $SRC")

# one photo: the file in both filestores and what Odoo reads in the restored database
photo=$(q "$SRC" "SELECT id || '|' || store_fname FROM ir_attachment
                   WHERE res_model = 'smart_kids.photo' AND store_fname IS NOT NULL
                ORDER BY id LIMIT 1")
[ -n "$photo" ] || fail "no stored photo attachment in $SRC"
photo_id=${photo%%|*}
fname=${photo#*|}
sha_src=$(sha256sum "$DATA_DIR/filestore/$SRC/$fname" | cut -d' ' -f1)
sha_dst=$(sha256sum "$DATA_DIR/filestore/$DST/$fname" 2>/dev/null | cut -d' ' -f1) || true
[ "$sha_src" = "$sha_dst" ] || errors+=("photo file $fname: $sha_src in $SRC, '$sha_dst' in $DST")
# shellcheck disable=SC2046
sha_odoo=$(printf '%s\n' "import hashlib" \
    "print('SHA=' + hashlib.sha256(env['ir.attachment'].browse($photo_id).raw or b'').hexdigest())" \
    | sk_odoo shell $(sk_odoo_args) --data-dir="$DATA_DIR" -d "$DST" --no-http --log-level=warn \
        2>"$WORK/shell.err" | sed -n 's/^SHA=//p') || true
[ "$sha_src" = "$sha_odoo" ] \
    || errors+=("photo $photo_id read by Odoo in $DST: '$sha_odoo', file in $SRC: $sha_src ($(tail -3 "$WORK/shell.err"))")
# every stored attachment of the dump has its file in the restored filestore
missing=0
while IFS= read -r f; do
    [ -f "$DATA_DIR/filestore/$DST/$f" ] || missing=$((missing + 1))
done < <(q "$DST" "SELECT DISTINCT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL")
[ "$missing" = 0 ] || errors+=("$missing stored attachments of $DST have no file")

# disaster restore keeps crons running, the copy is neutralized
active_crons="SELECT count(*) FROM ir_cron WHERE active"
[ "$(q "$SRC" "$active_crons")" = "$(q "$DST" "$active_crons")" ] \
    || errors+=("$DST: active crons differ from $SRC (a plain restore must not neutralize)")
[ -z "$(q "$DST" "SELECT value FROM ir_config_parameter WHERE key = 'database.is_neutralized'")" ] \
    || errors+=("$DST is marked neutralized")
[ "$(q "$COPY" "SELECT value FROM ir_config_parameter WHERE key = 'database.is_neutralized'")" = true ] \
    || errors+=("$COPY is not marked neutralized")
still_active="SELECT count(*) FROM ir_cron WHERE active AND id NOT IN (SELECT res_id FROM ir_model_data
               WHERE model = 'ir.cron' AND module = 'base' AND name = 'autovacuum_job')"
[ "$(q "$COPY" "$still_active")" = 0 ] || errors+=("$COPY: $(q "$COPY" "$still_active") crons still active")
uuid="SELECT value FROM ir_config_parameter WHERE key = 'database.uuid'"
[ "$(q "$SRC" "$uuid")" = "$(q "$DST" "$uuid")" ] || errors+=("$DST: database.uuid changed")
[ "$(q "$SRC" "$uuid")" != "$(q "$COPY" "$uuid")" ] || errors+=("$COPY: database.uuid not renewed")

# restoring over an existing database is refused and changes nothing
before=$(q "$DST" "SELECT count(*) FROM ir_attachment")
if bash "$SK_ROOT/scripts/restore.sh" "$WORK/backup" "$DST" >"$WORK/refused.log" 2>&1; then
    errors+=("restore.sh over the existing $DST succeeded")
elif ! grep -q "already exists" "$WORK/refused.log"; then
    errors+=("restore.sh over $DST failed for another reason: $(cat "$WORK/refused.log")")
fi
[ "$(q "$DST" "SELECT count(*) FROM ir_attachment")" = "$before" ] || errors+=("$DST changed by the refused restore")
[ -f "$DATA_DIR/filestore/$DST/$fname" ] || errors+=("$DST filestore removed by the refused restore")

if [ ${#errors[@]} -gt 0 ]; then
    printf 'DIFFERENCE: %s\n' "${errors[@]}" >&2
    fail "${#errors[@]} difference(s) ($((SECONDS - T0))s)"
fi
step "manifest: $(tr -d '\n ' <"$WORK/backup/manifest.json" | cut -c1-200)..."
echo "BACKUP RESTORE OK: $tables tables, $rows rows, photo $sha_src ($((SECONDS - T0))s)"
