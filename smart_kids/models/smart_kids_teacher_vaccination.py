from odoo import api
from odoo import fields
from odoo import models

from .vaccination_rules import VACCINATION_SOURCES
from .vaccination_rules import check_vaccination


class SmartKidsTeacherVaccination(models.Model):
    _name = "smart_kids.teacher.vaccination"
    _description = "Vaccination of a Teacher"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "teacher_id, date desc, id desc"
    _rec_name = "vaccine_id"

    teacher_id = fields.Many2one(
        "smart_kids.teacher", required=True, ondelete="cascade", index=True
    )
    vaccine_id = fields.Many2one(
        "smart_kids.vaccine", required=True, ondelete="restrict", domain=[("for_staff", "=", True)]
    )
    dose = fields.Integer(default=1, required=True)
    date = fields.Date(required=True)
    source = fields.Selection(VACCINATION_SOURCES, required=True, default="certificate")

    @api.constrains("dose", "date", "vaccine_id")
    def _check_vaccination(self):
        for vaccination in self:
            check_vaccination(vaccination)
