from odoo import fields
from odoo import models


class SmartKidsAllergen(models.Model):
    """What a child can be allergic to; food allergens are matched against dishes."""

    _name = "smart_kids.allergen"
    _description = "Allergen"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    is_food = fields.Boolean(string="Food Allergen", default=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_unique", "unique(code)", "The allergen code must be unique.")]
