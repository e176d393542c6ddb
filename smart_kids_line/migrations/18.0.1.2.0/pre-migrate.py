"""``smart_kids.line.rule`` became ``smart_kids.line.trigger``: beside Odoo's record rules
(``ir.rule``) the old name gave ids such as ``smart_kids_line_rule_rule_admin``. The table,
its records (with the administrators' switches) and their external ids are renamed in
place; the bridge module renames its own two records."""

from openupgradelib import openupgrade

OLD, NEW = "smart_kids.line.rule", "smart_kids.line.trigger"
EVENTS = (
    "check_in",
    "check_out",
    "health_abnormal",
    "unaccounted_opened",
    "lunch_recorded",
    "activity_recorded",
)
RECORDS = ("check_in", "check_out", "health", "unaccounted", "lunch", "activity")


@openupgrade.migrate()
def migrate(env, version):
    openupgrade.rename_models(env.cr, [(OLD, NEW)])
    openupgrade.rename_tables(env.cr, [("smart_kids_line_rule", "smart_kids_line_trigger")])
    renames = [
        ("smart_kids_line_rule_rule_admin", "line_trigger_rule_admin"),
        ("access_line_rule_admin", "access_line_trigger_admin"),
        ("smart_kids_line_rule_view_list", "smart_kids_line_trigger_view_list"),
        ("smart_kids_line_rule_action", "smart_kids_line_trigger_action"),
    ]
    renames += [(f"rule_{name}", f"trigger_{name}") for name in RECORDS]
    renames += [
        (
            f"selection__smart_kids_line_rule__event__{event}",
            f"selection__smart_kids_line_trigger__event__{event}",
        )
        for event in EVENTS
    ]
    openupgrade.rename_xmlids(
        env.cr, [(f"smart_kids_line.{old}", f"smart_kids_line.{new}") for old, new in renames]
    )
