from odoo import fields
from odoo import models


class SmartKidsVaccine(models.Model):
    """A vaccine of the national immunisation programme (EPI) or given to staff."""

    _name = "smart_kids.vaccine"
    _description = "Vaccine"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    dose_count = fields.Integer(string="Doses", default=1)
    schedule = fields.Char(translate=True, help="When the doses are due, e.g. 2, 4, 6 months.")
    for_children = fields.Boolean(default=True)
    for_staff = fields.Boolean()
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_unique", "unique(code)", "The vaccine code must be unique.")]
