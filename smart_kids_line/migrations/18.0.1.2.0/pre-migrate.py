"""``smart_kids.line.rule`` became ``smart_kids.line.trigger``: beside Odoo's record rules
(``ir.rule``) the old name gave ids such as ``smart_kids_line_rule_rule_admin``. The table,
its records (with the administrators' switches) and their external ids are renamed in
place, including the two this module handed over to the bridge smart_kids_reports_line in
18.0.1.1.0: an older database gets the bridge installed (not upgraded) in the same run, so
the bridge's own migrations would never see them."""

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
BRIDGE_EVENTS = ("teacher_reminder", "guardian_invitation")


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
    bridge = []
    for event in BRIDGE_EVENTS:
        bridge += [
            (f"rule_{event}", f"trigger_{event}"),
            (
                f"selection__smart_kids_line_rule__event__{event}",
                f"selection__smart_kids_line_trigger__event__{event}",
            ),
        ]
    openupgrade.rename_xmlids(
        env.cr,
        [(f"smart_kids_line.{old}", f"smart_kids_line.{new}") for old, new in renames]
        + [
            (f"smart_kids_reports_line.{old}", f"smart_kids_reports_line.{new}")
            for old, new in bridge
        ],
    )
