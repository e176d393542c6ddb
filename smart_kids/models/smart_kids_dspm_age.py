from odoo import fields
from odoo import models


class SmartKidsDspmAge(models.Model):
    """An age at which every child is screened with the DSPM manual (data, not code)."""

    _name = "smart_kids.dspm.age"
    _description = "Development Screening Age"
    _order = "age_months"

    name = fields.Char(required=True, translate=True)
    age_months = fields.Integer(string="Age (months)", required=True)
    window_months = fields.Integer(
        string="Window (months)",
        default=1,
        help="A child is due from this age until this many months later.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("age_unique", "unique(age_months)", "A screening age is listed once."),
        ("window_positive", "CHECK(window_months > 0)", "The window must be at least a month."),
    ]
