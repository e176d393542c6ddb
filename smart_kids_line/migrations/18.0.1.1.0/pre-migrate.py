"""The LINE rules of the reports' events (data reminders, satisfaction invitations) moved to
the bridge module smart_kids_reports_line: hand their records and selection values over to it
instead of letting this update delete them (an administrator may have switched them off)."""

XMLIDS = (
    "rule_teacher_reminder",
    "rule_guardian_invitation",
    "selection__smart_kids_line_rule__event__teacher_reminder",
    "selection__smart_kids_line_rule__event__guardian_invitation",
)


def migrate(cr, version):
    cr.execute(
        "UPDATE ir_model_data SET module = 'smart_kids_reports_line'"
        " WHERE module = 'smart_kids_line' AND name IN %s",
        (XMLIDS,),
    )
