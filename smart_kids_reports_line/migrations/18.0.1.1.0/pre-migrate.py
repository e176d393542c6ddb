"""The LINE rules model is ``smart_kids.line.trigger`` now (renamed by smart_kids_line):
this module's two records and selection values follow, with their switches."""

from openupgradelib import openupgrade

EVENTS = ("teacher_reminder", "guardian_invitation")


@openupgrade.migrate()
def migrate(env, version):
    renames = []
    for event in EVENTS:
        renames += [
            (f"rule_{event}", f"trigger_{event}"),
            (
                f"selection__smart_kids_line_rule__event__{event}",
                f"selection__smart_kids_line_trigger__event__{event}",
            ),
        ]
    openupgrade.rename_xmlids(
        env.cr,
        [
            (f"smart_kids_reports_line.{old}", f"smart_kids_reports_line.{new}")
            for old, new in renames
        ],
    )
