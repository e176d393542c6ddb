#!/usr/bin/env bash
# An existing database survives the upgrade to this tree: a database is created with the
# modules of an older commit (default: main before the bridge module, 4053da3), with demo
# data and an administrator's switch on a LINE rule, then upgraded with this tree's code.
# Checked: the bridge smart_kids_reports_line is installed by the migration, the moved LINE
# rules are the same records with the same switch, and no child, attendance or partner is lost.
#
#   bash tests/upgrade_check.sh [BASE_COMMIT]
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

base=${1:-${SK_UPGRADE_BASE:-4053da3}}
db=smart_kids_upgrade_check
old=$(mktemp -d /tmp/sk-upgrade.XXXXXX)
trap 'rm -rf "$old"' EXIT
git -C "$SK_ROOT" archive "$base" | tar -x -C "$old"
old_addons="$(sk_addons_path | sed "s|$SK_ROOT|$old|")"
q() { psql -d "$db" -tAc "$1"; }

dropdb --if-exists "$db"
echo "Upgrade check: creating $db with the modules of $base"
sk_odoo --addons-path="$old_addons" --http-interface=127.0.0.1 --data-dir="$SK_STATE/filestore" \
    -d "$db" -i smart_kids,smart_kids_line,smart_kids_reports --stop-after-init --log-level=warn
rule_id=$(q "SELECT res_id FROM ir_model_data WHERE module = 'smart_kids_line' AND name = 'rule_teacher_reminder'")
q "UPDATE smart_kids_line_rule SET active = FALSE WHERE id = $rule_id" >/dev/null
counts="SELECT (SELECT count(*) FROM smart_kids_child), (SELECT count(*) FROM smart_kids_attendance),
    (SELECT count(*) FROM res_partner), (SELECT count(*) FROM smart_kids_line_rule)"
before=$(q "$counts")

echo "Upgrade check: upgrading $db with this tree"
# shellcheck disable=SC2046
sk_odoo $(sk_odoo_args) -d "$db" -u smart_kids,smart_kids_line,smart_kids_reports \
    --stop-after-init --log-level=warn
after=$(q "$counts")
bridge=$(q "SELECT state FROM ir_module_module WHERE name = 'smart_kids_reports_line'")
moved=$(q "SELECT res_id FROM ir_model_data WHERE module = 'smart_kids_reports_line' AND name = 'rule_teacher_reminder'")
active=$(q "SELECT active FROM smart_kids_line_rule WHERE id = ${moved:-0}")
event=$(q "SELECT event FROM smart_kids_line_rule WHERE id = ${moved:-0}")
dropdb "$db"

echo "  bridge: $bridge; rule: $rule_id -> ${moved:-none} (active: ${active:-?}, event: ${event:-?})"
echo "  children, attendances, partners, LINE rules: before $before, after $after"
[ "$bridge" = "installed" ] || sk_die "upgrade: the bridge module was not installed"
[ "$moved" = "$rule_id" ] || sk_die "upgrade: the reminder rule was not kept"
[ "$active" = "f" ] || sk_die "upgrade: the administrator's switch on the rule was lost"
[ "$event" = "teacher_reminder" ] || sk_die "upgrade: the rule lost its event"
[ "$before" = "$after" ] || sk_die "upgrade: records were lost or added"
echo "UPGRADE OK"
