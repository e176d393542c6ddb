from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SmartKidsClassroom(models.Model):
    _name = "smart_kids.classroom"
    _description = "Classroom"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "centre_id, sequence, name"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    centre_id = fields.Many2one("smart_kids.centre", required=True, ondelete="cascade", index=True)
    teacher_ids = fields.Many2many("smart_kids.teacher", string="Teachers")
    child_ids = fields.One2many("smart_kids.child", "classroom_id", string="Children")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_centre_unique",
            "unique(name, centre_id)",
            "A classroom name must be unique per centre.",
        ),
    ]

    @api.constrains("centre_id", "teacher_ids")
    def _check_teachers_of_centre(self):
        for classroom in self.sudo():
            strangers = classroom.teacher_ids.filtered(
                lambda teacher, c=classroom: c.centre_id not in teacher.centre_ids
            )
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(teachers)s do not work at %(centre)s.",
                        teachers=", ".join(strangers.mapped("name")),
                        centre=classroom.centre_id.name,
                    )
                )
