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

    def init(self):
        super().init()
        self.env["smart_kids.satisfaction.result"]._create_view()
