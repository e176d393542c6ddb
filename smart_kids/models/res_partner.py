from odoo import fields
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # a guardian's or pickup adult's contact is seen only within their children's centres
    # (record rule smart_kids_partner_rule_child_contacts)
    smart_kids_guardian_ids = fields.One2many(
        "smart_kids.child.guardian", "partner_id", string="Guardian of"
    )
    smart_kids_pickup_ids = fields.One2many(
        "smart_kids.child.pickup", "partner_id", string="Authorised to Collect"
    )
