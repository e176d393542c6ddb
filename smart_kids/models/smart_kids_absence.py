from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SmartKidsAbsence(models.Model):
    """A child not coming today, as recorded by a teacher."""

    _name = "smart_kids.absence"
    _description = "Absence"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "date desc, id desc"
    _rec_name = "child_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    reason = fields.Selection(
        [("sick", "Sick"), ("leave", "Leave"), ("other", "Other")], required=True, default="sick"
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "child_date_unique",
            "unique(child_id, date)",
            "The child is already marked absent that day.",
        ),
    ]

    @api.constrains("child_id", "date")
    def _check_not_present(self):
        for absence in self:
            present = self.env["smart_kids.attendance"].search_count(
                [("child_id", "=", absence.child_id.id), ("date", "=", absence.date)]
            )
            if present:
                raise ValidationError(
                    self.env._(
                        "%(child)s was checked in that day and cannot be marked absent.",
                        child=absence.child_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        absences = super().create(vals_list)
        self.env["smart_kids.unaccounted.case"]._resolve_for(absences, "absent")
        return absences
