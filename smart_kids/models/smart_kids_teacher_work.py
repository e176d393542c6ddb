from odoo import fields
from odoo import models


class SmartKidsTeacherWork(models.Model):
    """A piece of a teacher's portfolio (ผลงาน): a project, a teaching aid, an award."""

    _name = "smart_kids.teacher.work"
    _description = "Teacher Portfolio Work"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "date desc, id desc"

    teacher_id = fields.Many2one(
        "smart_kids.teacher", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Title", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Files")
