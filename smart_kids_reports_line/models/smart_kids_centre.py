from odoo import models


class SmartKidsCentre(models.Model):
    _inherit = "smart_kids.centre"

    def _on_survey_invitation(self, text):
        super()._on_survey_invitation(text)
        for centre in self:
            self.env["smart_kids.hooks"]._line_text("guardian_invitation", centre, text)
