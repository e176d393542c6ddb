from odoo import api
from odoo import models
from odoo.exceptions import ValidationError


class SmartKidsAbsence(models.Model):
    _inherit = "smart_kids.absence"

    @api.constrains("child_id", "date")
    def _check_not_on_a_van(self):
        """A child who boarded a van and was not scanned off is never "absent"."""
        for absence in self:
            on_board = (
                self.env["smart_kids.van.trip.rider"]
                .sudo()
                .search(
                    [
                        ("child_id", "=", absence.child_id.id),
                        ("date", "=", absence.date),
                        ("state", "=", "boarded"),
                    ],
                    limit=1,
                )
            )
            if on_board:
                raise ValidationError(
                    self.env._(
                        "%(child)s boarded %(van)s and has not been scanned off: find the "
                        "child before anything else.",
                        child=absence.child_id.name,
                        van=on_board.trip_id.vehicle_id.name,
                    )
                )
