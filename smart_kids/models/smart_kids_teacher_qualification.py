from odoo import fields
from odoo import models


class SmartKidsTeacherQualification(models.Model):
    _name = "smart_kids.teacher.qualification"
    _description = "Teacher Qualification"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "teacher_id, year desc"

    teacher_id = fields.Many2one(
        "smart_kids.teacher", required=True, ondelete="cascade", index=True
    )
    level = fields.Selection(
        [
            ("certificate", "Certificate / Training"),
            ("diploma", "Diploma"),
            ("bachelor", "Bachelor's Degree"),
            ("master", "Master's Degree"),
            ("doctorate", "Doctorate"),
        ],
        required=True,
    )
    name = fields.Char(string="Field of Study", required=True)
    institution = fields.Char()
    year = fields.Integer(help="Year of graduation (C.E.).")
