from odoo import api
from odoo import models


class SmartKidsFreshnessReminder(models.AbstractModel):
    _inherit = "smart_kids.freshness.reminder"

    @api.model
    def _on_reminder(self, centre, text):
        super()._on_reminder(centre, text)
        self.env["smart_kids.hooks"]._line_text("teacher_reminder", centre, text)
