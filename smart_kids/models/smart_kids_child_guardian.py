from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

RELATIONSHIPS = [
    ("mother", "Mother"),
    ("father", "Father"),
    ("grandmother", "Grandmother"),
    ("grandfather", "Grandfather"),
    ("aunt_uncle", "Aunt / Uncle"),
    ("sibling", "Older Sibling"),
    ("other", "Other"),
]


class SmartKidsChildGuardian(models.Model):
    """Links a child to a guardian contact; the relationship belongs to the pair."""

    _name = "smart_kids.child.guardian"
    _description = "Guardian of a Child"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "child_id, is_primary desc, id"
    _rec_name = "partner_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Guardian", required=True, ondelete="restrict", index=True
    )
    relationship = fields.Selection(RELATIONSHIPS, required=True, default="mother")
    is_primary = fields.Boolean(string="Primary Contact")
    phone = fields.Char(related="partner_id.phone", readonly=False)
    mobile = fields.Char(related="partner_id.mobile", readonly=False)

    _sql_constraints = [
        (
            "child_partner_unique",
            "unique(child_id, partner_id)",
            "This person is already a guardian of the child.",
        ),
    ]

    @api.constrains("is_primary", "child_id")
    def _check_single_primary(self):
        for child in self.child_id:
            if len(child.guardian_ids.filtered("is_primary")) > 1:
                raise ValidationError(
                    self.env._("%(child)s can have only one primary contact.", child=child.name)
                )
