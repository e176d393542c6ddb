from odoo import fields
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    smart_kids_guardian_ids = fields.One2many(
        "smart_kids.child.guardian", "partner_id", string="Guardian of"
    )
