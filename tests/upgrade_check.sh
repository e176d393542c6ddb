#!/usr/bin/env bash
# An existing database survives the upgrade to this tree. For each base commit (default:
# 4053da3, main before the bridge module, and 89a7ba1, main before the renames) a database
# is created with that commit's modules and demo data, an administrator changes things
# (switches a LINE rule off, lowers a data-freshness threshold, records an activity), and it
# is upgraded with this tree's code. Checked after the upgrade:
# - the bridge smart_kids_reports_line is installed (the migration of smart_kids_reports);
# - the reminder rule is the same record, now a smart_kids.line.trigger with an external id
#   of the bridge, with the administrator's switch and its event;
# - the administrator's threshold is under its new parameter key;
# - every activity kept its developmental domain (the field was renamed);
# - the data-freshness indicator measures data_freshness;
# - a measurement of a 63-month boy (100 cm) is scored again: stunted, height-for-age -2.44
#   (WHO 2007 reference; earlier versions stored 0.00 after 60 months);
# - no child, attendance, partner or activity was lost or added, and no LINE rule was lost
#   (a new version may add rules, e.g. the monthly vaccination reminder).
#
#   bash tests/upgrade_check.sh [BASE_COMMIT ...]
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

db=smart_kids_upgrade_check
old=""
trap 'rm -rf "$old"' EXIT
q() { psql -d "$db" -tAc "$1"; }

check_upgrade_from() {
    local base=$1
    old=$(mktemp -d /tmp/sk-upgrade.XXXXXX)
    git -C "$SK_ROOT" archive "$base" | tar -x -C "$old"
    local old_addons
    old_addons="$(sk_addons_path | sed "s|$SK_ROOT|$old|")"

    dropdb --if-exists "$db"
    echo "Upgrade check: creating $db with the modules of $base"
    sk_odoo --addons-path="$old_addons" --http-interface=127.0.0.1 \
        --data-dir="$SK_STATE/filestore" -d "$db" -i smart_kids,smart_kids_line,smart_kids_reports \
        --stop-after-init --log-level=warn
    local rule_id domains
    rule_id=$(q "SELECT res_id FROM ir_model_data WHERE name = 'rule_teacher_reminder'
        AND module IN ('smart_kids_line', 'smart_kids_reports_line')")
    q "UPDATE smart_kids_line_rule SET active = FALSE WHERE id = $rule_id" >/dev/null
    q "UPDATE ir_config_parameter SET value = '65'
        WHERE key = 'smart_kids_reports.currency_min_checkin_rate'" >/dev/null
    q "INSERT INTO smart_kids_day_activity (name, centre_id, date, domain, create_date, write_date)
        SELECT 'Upgrade check', id, '2026-11-02', 'social', now(), now()
        FROM smart_kids_centre ORDER BY id LIMIT 1" >/dev/null
    domains=$(q "SELECT string_agg(id || ':' || domain, ',' ORDER BY id) FROM smart_kids_day_activity")
    local measure_id
    measure_id=$(q "INSERT INTO smart_kids_growth_measurement (child_id, date, weight, height,
            create_date, write_date)
        SELECT id, birth_date + 1918, 14.0, 100.0, now(), now() FROM smart_kids_child
        WHERE sex = 'male' AND birth_date IS NOT NULL ORDER BY id LIMIT 1 RETURNING id" | sed -n 1p)
    # a month of LINE quota counted in the old single counter row
    q "WITH channel AS (INSERT INTO smart_kids_line_channel (name, api_host, state, create_date, write_date)
            VALUES ('Upgrade check OA', 'https://api.line.me', 'active', now(), now()) RETURNING id)
        INSERT INTO smart_kids_line_quota (channel_id, month, used, alerted_level, create_date, write_date)
        SELECT id, '2026-11', 7, 0, now(), now() FROM channel" >/dev/null
    # a teacher who never had a home action
    local teacher_id
    teacher_id=$(q "SELECT u.id FROM res_users u JOIN res_groups_users_rel r ON r.uid = u.id
        JOIN ir_model_data d ON d.res_id = r.gid AND d.model = 'res.groups'
        WHERE d.module = 'smart_kids' AND d.name = 'smart_kids_group_teacher' AND NOT u.share
        ORDER BY u.id LIMIT 1")
    q "UPDATE res_users SET action_id = NULL WHERE id = ${teacher_id:-0}" >/dev/null
    # a check-in of ten days ago saved without refreshing its centre-day (as a correction saved
    # after the last report was): the upgrade recomputes the months the monitoring keeps
    local late_centre
    late_centre=$(q "INSERT INTO smart_kids_attendance (child_id, centre_id, date, check_in,
            arrival_mode, create_date, write_date)
        SELECT id, centre_id, current_date - 10, (current_date - 10) + time '01:00', 'guardian',
            now(), now()
        FROM smart_kids_child WHERE centre_id IS NOT NULL ORDER BY id LIMIT 1
        RETURNING centre_id" | sed -n 1p)
    local before rule_ids
    before=$(q "SELECT (SELECT count(*) FROM smart_kids_child), (SELECT count(*) FROM smart_kids_attendance),
        (SELECT count(*) FROM res_partner), (SELECT count(*) FROM smart_kids_day_activity)")
    rule_ids=$(q "SELECT string_agg(id::text, ',' ORDER BY id) FROM smart_kids_line_rule")

    echo "Upgrade check: upgrading $db with this tree"
    # shellcheck disable=SC2046
    sk_odoo $(sk_odoo_args) -d "$db" -u smart_kids,smart_kids_line,smart_kids_reports \
        --stop-after-init --log-level=warn --log-handler=OpenUpgrade:WARNING
    local after bridge moved active event threshold domains_after measure rules_kept growth
    after=$(q "SELECT (SELECT count(*) FROM smart_kids_child), (SELECT count(*) FROM smart_kids_attendance),
        (SELECT count(*) FROM res_partner), (SELECT count(*) FROM smart_kids_day_activity)")
    # every rule is still there (new ones may come with the new version)
    rules_kept=$(q "SELECT string_agg(id::text, ',' ORDER BY id) FROM smart_kids_line_trigger
        WHERE id IN ($rule_ids)")
    bridge=$(q "SELECT state FROM ir_module_module WHERE name = 'smart_kids_reports_line'")
    moved=$(q "SELECT res_id FROM ir_model_data WHERE module = 'smart_kids_reports_line'
        AND name = 'trigger_teacher_reminder' AND model = 'smart_kids.line.trigger'")
    active=$(q "SELECT active FROM smart_kids_line_trigger WHERE id = ${moved:-0}")
    event=$(q "SELECT event FROM smart_kids_line_trigger WHERE id = ${moved:-0}")
    threshold=$(q "SELECT value FROM ir_config_parameter
        WHERE key = 'smart_kids_reports.freshness_min_checkin_rate'")
    domains_after=$(q "SELECT string_agg(id || ':' || development_domain, ',' ORDER BY id)
        FROM smart_kids_day_activity")
    measure=$(q "SELECT measure FROM smart_kids_indicator i JOIN ir_model_data d
        ON d.res_id = i.id AND d.model = 'smart_kids.indicator' AND d.module = 'smart_kids_reports'
        WHERE i.measure IN ('data_currency', 'data_freshness')")
    growth=$(q "SELECT growth_reference || ' ' || z_height_for_age || ' ' || height_for_age
        FROM smart_kids_growth_measurement WHERE id = $measure_id")
    local late_counted
    late_counted=$(q "SELECT d.checked_in_count = (SELECT count(*) FROM smart_kids_attendance a
            WHERE a.centre_id = d.centre_id AND a.date = d.date)
        FROM smart_kids_centre_day d WHERE d.centre_id = $late_centre AND d.date = current_date - 10")
    local quota home
    quota=$(q "SELECT SUM(u.recipients) FROM smart_kids_line_quota_usage u
        JOIN smart_kids_line_channel c ON c.id = u.channel_id WHERE c.name = 'Upgrade check OA'")
    home=$(q "SELECT d.name FROM res_users u JOIN ir_model_data d
        ON d.res_id = u.action_id AND d.model = 'ir.actions.server' WHERE u.id = ${teacher_id:-0}")
    dropdb "$db"
    rm -rf "$old"

    echo "  bridge: $bridge; rule: $rule_id -> ${moved:-none} (active: ${active:-?}, event: ${event:-?})"
    echo "  threshold: ${threshold:-none}; freshness indicator measure: ${measure:-none}"
    echo "  activities' domains kept: $([ "$domains" = "$domains_after" ] && echo yes || echo NO)"
    echo "  LINE rules kept: $([ "$rules_kept" = "$rule_ids" ] && echo "all ($rule_ids)" || echo "NO: $rules_kept of $rule_ids")"
    echo "  63-month boy at 100 cm: ${growth:-none}"
    echo "  LINE quota of the month: ${quota:-none} (was 7); teacher's home: ${home:-none}"
    echo "  children, attendances, partners, activities: before $before, after $after"
    echo "  a check-in of ten days ago saved without a refresh, counted after: ${late_counted:-no row}"
    [ "$bridge" = "installed" ] || sk_die "upgrade from $base: the bridge module was not installed"
    [ "$moved" = "$rule_id" ] || sk_die "upgrade from $base: the reminder rule was not kept"
    [ "$active" = "f" ] || sk_die "upgrade from $base: the administrator's switch on the rule was lost"
    [ "$event" = "teacher_reminder" ] || sk_die "upgrade from $base: the rule lost its event"
    [ "$threshold" = "65" ] || sk_die "upgrade from $base: the administrator's threshold was lost"
    [ "$measure" = "data_freshness" ] || sk_die "upgrade from $base: the indicator measure was not renamed"
    [ -n "$domains" ] && [ "$domains" = "$domains_after" ] \
        || sk_die "upgrade from $base: activities lost their developmental domain"
    [ "$rules_kept" = "$rule_ids" ] || sk_die "upgrade from $base: LINE rules were lost"
    [ "$growth" = "who_2007 -2.44 low" ] || sk_die "upgrade from $base: old measurements not rescored"
    [ "$late_counted" = "t" ] || sk_die "upgrade from $base: earlier days' monitoring rows not recomputed"
    [ "$quota" = "7" ] || sk_die "upgrade from $base: the month's LINE quota count was lost"
    [ "$home" = "action_smart_kids_home" ] || sk_die "upgrade from $base: the teacher has no home"
    [ "$before" = "$after" ] || sk_die "upgrade from $base: records were lost or added"
}

bases=("$@")
[ ${#bases[@]} -gt 0 ] || read -r -a bases <<<"${SK_UPGRADE_BASES:-4053da3 89a7ba1}"
for base in "${bases[@]}"; do
    check_upgrade_from "$base"
done
echo "UPGRADE OK (from ${bases[*]})"
