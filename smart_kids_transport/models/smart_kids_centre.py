from odoo import fields
from odoo import models


class SmartKidsCentre(models.Model):
    _inherit = "smart_kids.centre"

    vehicle_ids = fields.One2many("smart_kids.vehicle", "centre_id", string="School Vans")
    van_overdue_minutes = fields.Integer(
        string="Late Van Alert (minutes)",
        default=15,
        help="A trip not ended this long after its planned arrival alerts the attendants and "
        "the teachers.",
    )
    van_escalation_minutes = fields.Integer(
        string="Late Van Escalation (minutes)",
        default=5,
        help="Then, if the trip has still not ended, the centre head and the LAO executives.",
    )

    _sql_constraints = [
        (
            "van_minutes_positive",
            "CHECK(van_overdue_minutes >= 0 AND van_escalation_minutes >= 0)",
            "Van alert delays cannot be negative.",
        ),
    ]

    def _roster_notes(self, day, missing):
        notes = super()._roster_notes(day, missing)
        riders = (
            self.env["smart_kids.van.trip.rider"]
            .sudo()
            .search(
                [
                    ("child_id", "in", missing.ids),
                    ("date", "=", day),
                    ("trip_id.direction", "=", "to_centre"),
                    ("state", "in", ("boarded", "not_boarded")),
                ]
            )
        )
        for rider in riders:
            if rider.state == "boarded":
                notes[rider.child_id.id] = self.env._(
                    "On the van %(van)s", van=rider.trip_id.vehicle_id.name
                )
            else:
                notes[rider.child_id.id] = self.env._("Did not board the van")
        return notes
