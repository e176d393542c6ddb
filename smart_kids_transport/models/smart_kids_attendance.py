from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class SmartKidsAttendance(models.Model):
    _inherit = "smart_kids.attendance"

    def _hand_over_to_van(self, trip):
        """The centre's check-out of a child leaving on ``trip``'s van."""
        self.ensure_one()
        if self.check_out:
            raise UserError(
                self.env._(
                    "%(child)s already went home with %(collector)s.",
                    child=self.child_id.name,
                    collector=self.collector_name,
                )
            )
        self._scope_write_workflow(
            {
                "check_out": fields.Datetime.now(),
                "check_out_user_id": self.env.uid,
                "collector_name": self.env._("School van %(van)s", van=trip.vehicle_id.name),
            }
        )
        self.env["smart_kids.hooks"]._emit("check_out", self)
