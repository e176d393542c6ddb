from odoo import fields
from odoo import models

from .smart_kids_child_guardian import RELATIONSHIPS


class SmartKidsChildPickup(models.Model):
    """An adult the guardians allow to collect the child from the centre."""

    _name = "smart_kids.child.pickup"
    _description = "Authorised Pickup Adult"
    _inherit = ["smart_kids.scoped.mixin", "image.mixin"]
    _order = "child_id, sequence, id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    relationship = fields.Selection(RELATIONSHIPS, required=True, default="other")
    phone = fields.Char()
    partner_id = fields.Many2one(
        "res.partner", string="Guardian Contact", help="Set when the adult is also a guardian."
    )
    active = fields.Boolean(default=True)
