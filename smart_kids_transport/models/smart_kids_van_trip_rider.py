from odoo import fields
from odoo import models
from odoo.exceptions import UserError

NOT_BOARDED_REASONS = [
    ("absent", "Absent today"),
    ("guardian", "Guardian brings or collects the child"),
    ("other", "Other"),
]


class SmartKidsVanTripRider(models.Model):
    """A child on a trip: expected, on board, off (at the centre or at home) or not boarded."""

    _name = "smart_kids.van.trip.rider"
    _description = "Child on a Van Trip"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "trip_id, state, id"
    _rec_name = "child_id"
    _scope_workflow_fields = (
        "trip_id",
        "child_id",
        "state",
        "boarded_at",
        "boarded_by_id",
        "off_at",
        "off_by_id",
        "collector_name",
        "collector_unauthorised",
        "override_reason",
    )

    trip_id = fields.Many2one("smart_kids.van.trip", required=True, ondelete="cascade", index=True)
    child_id = fields.Many2one("smart_kids.child", required=True, index=True)
    centre_id = fields.Many2one(related="trip_id.centre_id", store=True, index=True)
    date = fields.Date(related="trip_id.date", store=True)
    state = fields.Selection(
        [
            ("expected", "Expected"),
            ("boarded", "On board"),
            ("off", "Scanned off"),
            ("not_boarded", "Not boarded"),
        ],
        default="expected",
        required=True,
        index=True,
    )
    boarded_at = fields.Datetime()
    boarded_by_id = fields.Many2one("res.users", string="Scanned On By")
    off_at = fields.Datetime(string="Scanned Off At")
    off_by_id = fields.Many2one("res.users", string="Scanned Off By")
    collector_name = fields.Char(string="Handed To")
    collector_unauthorised = fields.Boolean(string="Not on the List")
    override_reason = fields.Char(string="Reason for Override")
    not_boarded_reason = fields.Selection(NOT_BOARDED_REASONS, string="Why Not Boarded")
    not_boarded_note = fields.Char(string="Note")

    _sql_constraints = [
        ("trip_child_unique", "unique(trip_id, child_id)", "A child is on a trip once."),
    ]

    def _board(self):
        self.ensure_one()
        now = fields.Datetime.now()
        if self.trip_id.direction == "to_home":
            # leaving the centre with the van is the centre's hand-over
            self.env["smart_kids.attendance"].search(
                [("child_id", "=", self.child_id.id), ("date", "=", self.date)], limit=1
            )._hand_over_to_van(self.trip_id)
        self._scope_write_workflow(
            {"state": "boarded", "boarded_at": now, "boarded_by_id": self.env.uid}
        )
        self.env["smart_kids.hooks"]._emit("van_boarded", self)

    def _arrive_at_centre(self):
        """Off the van at the centre: the child's check-in, as having come by van."""
        self.ensure_one()
        Attendance = self.env["smart_kids.attendance"]
        attendance, _status = Attendance._scan_child(self.centre_id, self.child_id)
        if attendance.arrival_mode != "van":
            attendance.record_arrival(arrival_mode="van")
        self._scope_write_workflow(
            {"state": "off", "off_at": fields.Datetime.now(), "off_by_id": self.env.uid}
        )

    def _drop_at_home(self, pickup_id=None, partner_id=None, other_name=None, reason=None):
        """Off the van at home, into the hands of an adult on the child's list (or another
        adult, named, with a reason, as at the centre's gate)."""
        self.ensure_one()
        if self.state != "boarded":
            raise UserError(self.env._("%(child)s is not on board.", child=self.child_id.name))
        collector = self.child_id._collector_vals(pickup_id, partner_id, other_name, reason)
        vals = {
            "state": "off",
            "off_at": fields.Datetime.now(),
            "off_by_id": self.env.uid,
            # the rider keeps who took the child by name (no link to the list's records)
            **{key: value for key, value in collector.items() if key in self._fields},
        }
        self._scope_write_workflow(vals)
        self.env["smart_kids.hooks"]._emit("van_dropped", self)

    def action_mark_not_boarded(self, reason, note=None):
        """The teacher says why an expected child did not board; "absent" records the absence."""
        self.ensure_one()
        self.check_access("write")
        if self.state not in ("expected", "not_boarded"):
            raise UserError(
                self.env._("%(child)s was scanned on this trip.", child=self.child_id.name)
            )
        if reason not in dict(NOT_BOARDED_REASONS):
            raise UserError(self.env._("Choose why the child did not board."))
        self._scope_write_workflow({"state": "not_boarded"})
        self.write({"not_boarded_reason": reason, "not_boarded_note": note or False})
        if reason == "absent" and self.trip_id.direction == "to_centre":
            Absence = self.env["smart_kids.absence"]
            if not Absence.search_count(
                [("child_id", "=", self.child_id.id), ("date", "=", self.date)]
            ):
                Absence.create(
                    {
                        "child_id": self.child_id.id,
                        "date": self.date,
                        "reason": "other",
                        "note": note or self.env._("Did not board the van"),
                    }
                )
