from odoo import fields
from odoo import models


class SmartKidsCentreClosure(models.Model):
    _name = "smart_kids.centre.closure"
    _description = "Centre Closed Day"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "date desc"

    centre_id = fields.Many2one("smart_kids.centre", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True)
    name = fields.Char(string="Reason", required=True)

    _sql_constraints = [
        ("centre_date_unique", "unique(centre_id, date)", "This day is already marked closed."),
    ]
