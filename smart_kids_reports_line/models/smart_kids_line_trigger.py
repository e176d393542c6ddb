from odoo import fields
from odoo import models


class SmartKidsLineTrigger(models.Model):
    _inherit = "smart_kids.line.trigger"

    event = fields.Selection(
        selection_add=[
            ("teacher_reminder", "Reminder to the teachers"),
            ("guardian_invitation", "Invitation to the guardians"),
        ],
        ondelete={"teacher_reminder": "cascade", "guardian_invitation": "cascade"},
    )
