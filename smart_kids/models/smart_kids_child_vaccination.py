from odoo import fields
from odoo import models


class SmartKidsChildVaccination(models.Model):
    _name = "smart_kids.child.vaccination"
    _description = "Vaccination of a Child"
    _inherit = ["smart_kids.scoped.mixin", "smart_kids.vaccination.base"]
    _order = "child_id, date desc, id desc"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    vaccine_id = fields.Many2one(domain=[("for_children", "=", True)])
    source = fields.Selection(default="mch_book")
    notes = fields.Char()

    def _vaccination_birth_date(self):
        return self.child_id.birth_date
