from odoo import fields
from odoo import models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    smart_kids_centre_id = fields.Many2one(
        "smart_kids.centre",
        string="Child Development Centre",
        index="btree_not_null",
        ondelete="set null",
        help="The centre whose invitation link the guardian followed.",
    )

    def _smart_kids_start_path(self):
        """Where this answer starts or continues, in Thai (guardians of a Thai centre)."""
        self.ensure_one()
        thai = self.env["res.lang"].sudo().search([("code", "=", "th_TH")], limit=1)
        prefix = f"/{thai.url_code}" if thai else ""
        start = self.survey_id.sudo().get_start_url()
        return f"{prefix}{start}?answer_token={self.access_token}"

    def init(self):
        super().init()
        self.env["smart_kids.satisfaction.result"]._create_view()
