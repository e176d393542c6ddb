from odoo import api
from odoo import models


class SmartKidsCurrencyReminder(models.AbstractModel):
    _inherit = "smart_kids.currency.reminder"

    @api.model
    def _on_reminder(self, centre, text):
        super()._on_reminder(centre, text)
        self.env["smart_kids.event"]._line_text("teacher_reminder", centre, text)
