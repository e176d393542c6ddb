from odoo import fields
from odoo import models


class SmartKidsTeacherVaccination(models.Model):
    _name = "smart_kids.teacher.vaccination"
    _description = "Vaccination of a Teacher"
    _inherit = ["smart_kids.scoped.mixin", "smart_kids.vaccination.base"]
    _order = "teacher_id, date desc, id desc"

    teacher_id = fields.Many2one(
        "smart_kids.teacher", required=True, ondelete="cascade", index=True
    )
    vaccine_id = fields.Many2one(domain=[("for_staff", "=", True)])
