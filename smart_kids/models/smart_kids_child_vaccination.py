from odoo import api
from odoo import fields
from odoo import models

from .vaccination_rules import VACCINATION_SOURCES
from .vaccination_rules import check_vaccination


class SmartKidsChildVaccination(models.Model):
    _name = "smart_kids.child.vaccination"
    _description = "Vaccination of a Child"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "child_id, date desc, id desc"
    _rec_name = "vaccine_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    vaccine_id = fields.Many2one(
        "smart_kids.vaccine",
        required=True,
        ondelete="restrict",
        domain=[("for_children", "=", True)],
    )
    dose = fields.Integer(default=1, required=True)
    date = fields.Date(required=True)
    source = fields.Selection(VACCINATION_SOURCES, required=True, default="mch_book")
    notes = fields.Char()

    @api.constrains("dose", "date", "vaccine_id")
    def _check_vaccination(self):
        for vaccination in self:
            check_vaccination(vaccination, vaccination.child_id.birth_date)
