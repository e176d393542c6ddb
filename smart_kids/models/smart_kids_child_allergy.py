from odoo import fields
from odoo import models


class SmartKidsChildAllergy(models.Model):
    _name = "smart_kids.child.allergy"
    _description = "Allergy of a Child"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "child_id, severity desc"
    _rec_name = "allergen_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    allergen_id = fields.Many2one("smart_kids.allergen", required=True, ondelete="restrict")
    severity = fields.Selection(
        [("mild", "Mild"), ("moderate", "Moderate"), ("severe", "Severe (anaphylaxis)")],
        required=True,
        default="moderate",
    )
    reaction = fields.Char(help="What happens, e.g. rash, swelling, breathing difficulty.")
    notes = fields.Char()

    _sql_constraints = [
        (
            "child_allergen_unique",
            "unique(child_id, allergen_id)",
            "This allergy is already recorded for the child.",
        ),
    ]
