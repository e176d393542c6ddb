from odoo import fields
from odoo import models

# Nutrients recorded per child serving; lunches add them up.
NUTRIENTS = [
    ("energy", "Energy (kcal)"),
    ("protein", "Protein (g)"),
    ("fat", "Fat (g)"),
    ("carbohydrate", "Carbohydrate (g)"),
    ("calcium", "Calcium (mg)"),
    ("iron", "Iron (mg)"),
    ("vitamin_a", "Vitamin A (µg RAE)"),
]


class SmartKidsDish(models.Model):
    """A dish of the centre's lunch library, with nutrients for one child's serving."""

    _name = "smart_kids.dish"
    _description = "Dish"
    _inherit = ["image.mixin"]
    _order = "category, name"

    name = fields.Char(required=True, translate=True)
    category = fields.Selection(
        [
            ("rice", "Rice and Staples"),
            ("main", "Main Dish"),
            ("soup", "Soup"),
            ("fruit", "Fruit"),
            ("dessert", "Dessert"),
            ("milk", "Milk"),
        ],
        required=True,
        default="main",
    )
    ingredients = fields.Text()
    serving = fields.Char(help="One child's serving, e.g. 1 ladle (ทัพพี).")
    allergen_ids = fields.Many2many(
        "smart_kids.allergen", string="Allergens", domain="[('is_food', '=', True)]"
    )
    energy = fields.Float(string="Energy (kcal)", digits=(6, 1))
    protein = fields.Float(string="Protein (g)", digits=(6, 1))
    fat = fields.Float(string="Fat (g)", digits=(6, 1))
    carbohydrate = fields.Float(string="Carbohydrate (g)", digits=(6, 1))
    calcium = fields.Float(string="Calcium (mg)", digits=(6, 1))
    iron = fields.Float(string="Iron (mg)", digits=(6, 2))
    vitamin_a = fields.Float(string="Vitamin A (µg RAE)", digits=(6, 1))
    source = fields.Char(help="Where the nutrient values come from.")
    active = fields.Boolean(default=True)
