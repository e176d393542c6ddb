#!/usr/bin/env bash
# Creates (once) a demo database with the three Smart Kids modules and demo data, updates
# it when the modules changed, then serves Odoo on http://127.0.0.1:$SK_HTTP_PORT.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

stamp="$SK_STATE/$SK_DB.modules.sha256"
current=$(cd "$SK_ROOT" && find smart_kids smart_kids_line smart_kids_reports -type f \
    -not -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
# shellcheck disable=SC2046
if ! psql -lqt | cut -d'|' -f1 | grep -qw "$SK_DB"; then
    echo "Creating the demo database $SK_DB (Thai, demo data) ..."
    sk_odoo $(sk_odoo_args) -d "$SK_DB" -i "$SK_MODULES" --load-language=th_TH \
        --stop-after-init --log-level=warn
    echo "$current" >"$stamp"
elif [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$current" ]; then
    echo "Updating the Smart Kids modules in $SK_DB ..."
    sk_odoo $(sk_odoo_args) -d "$SK_DB" -u "$SK_MODULES" --stop-after-init --log-level=warn
    echo "$current" >"$stamp"
fi

cat <<TXT

Smart Kids is at http://127.0.0.1:$SK_HTTP_PORT  (database $SK_DB; Ctrl-C stops it)
Demo logins (password = login), Thai interface:
  teacher    Teacher       ครูผู้ดูแลเด็ก, ศพด.บ้านโนนสะอาด
  head       Centre Head   หัวหน้าศูนย์, ศพด.บ้านโนนสะอาด
  executive  LAO Executive เทศบาลตำบลโนนสะอาด
  district   District Officer อำเภอศรีบุญเรือง
  province   Province Officer จังหวัดหนองบัวลำภู
  skadmin    Smart Kids Administrator
  admin      Odoo administrator (password admin)
TXT
# shellcheck disable=SC2046
exec "$SK_VENV/bin/python" "$(sk_odoo_launcher)" $(sk_odoo_args) -d "$SK_DB" --db-filter="^$SK_DB\$" \
    --http-port "$SK_HTTP_PORT" --log-level=warn
