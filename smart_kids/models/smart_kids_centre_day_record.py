from odoo import api
from odoo import fields
from odoo import models


class SmartKidsCentreDayRecord(models.AbstractModel):
    """What a centre records about its day for parents and the record (the lunch, an
    activity): the centre, the day, the chatter, and the hook that tells other modules
    (``_day_record_hook`` on ``smart_kids.hooks``, e.g. a LINE message) once it is created.
    Shared fields on the model of ``hr.employee.base``."""

    _name = "smart_kids.centre.day.record"
    _description = "Centre Day Record (shared fields)"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread"]
    _day_record_hook = None

    centre_id = fields.Many2one(
        "smart_kids.centre",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env["smart_kids.child"]._default_centre_id(),
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._day_record_hook:
            self.env["smart_kids.hooks"]._emit(self._day_record_hook, records)
        return records
