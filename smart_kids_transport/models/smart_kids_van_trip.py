from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.smart_kids.models.cron_alarm import wake_crons_at

from .smart_kids_van_route import DIRECTIONS


class SmartKidsVanTrip(models.Model):
    """One run of a route on one day, from the first child on board to the rear-QR check.

    It cannot end while a child who boarded has not been scanned off, and ending it needs
    the QR code at the back of the van. A trip still on the road ``van_overdue_minutes``
    after its planned arrival raises the alert from the server's cron, whatever happened
    to the attendant's phone.
    """

    _name = "smart_kids.van.trip"
    _description = "School Van Trip"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, started_at desc"
    _rec_name = "route_id"
    # a trip moves only through its methods (start, board, scan off, end, the alert cron)
    _scope_workflow_fields = (
        "route_id",
        "vehicle_id",
        "centre_id",
        "date",
        "direction",
        "stage",
        "state",
        "started_at",
        "started_by_id",
        "ended_at",
        "ended_by_id",
        "due_at",
        "alerted_at",
        "escalated_at",
    )

    route_id = fields.Many2one(
        "smart_kids.van.route", required=True, ondelete="restrict", index=True
    )
    vehicle_id = fields.Many2one("smart_kids.vehicle", string="Van", required=True, index=True)
    centre_id = fields.Many2one("smart_kids.centre", required=True, index=True)
    date = fields.Date(required=True, index=True)
    direction = fields.Selection(DIRECTIONS, required=True)
    stage = fields.Selection(
        [("boarding", "Boarding"), ("unloading", "Scanning off")],
        default="boarding",
        required=True,
        help="Boarding: a scan puts the child on the van. Scanning off: at the centre in the "
        "morning, at home in the afternoon.",
    )
    state = fields.Selection(
        [("on_road", "On the road"), ("ended", "Ended")],
        default="on_road",
        required=True,
        tracking=True,
        index=True,
    )
    started_at = fields.Datetime(required=True)
    started_by_id = fields.Many2one("res.users", string="Started By")
    ended_at = fields.Datetime(tracking=True)
    ended_by_id = fields.Many2one("res.users", string="Ended By", tracking=True)
    due_at = fields.Datetime(
        string="Alert At", help="When the alert goes off if the trip has not ended."
    )
    alerted_at = fields.Datetime(tracking=True)
    escalated_at = fields.Datetime(tracking=True)
    rider_ids = fields.One2many("smart_kids.van.trip.rider", "trip_id", string="Children")
    on_board_count = fields.Integer(compute="_compute_counts", string="On Board")

    _sql_constraints = [
        ("route_date_unique", "unique(route_id, date)", "A route runs once a day."),
    ]

    def init(self):
        # one van cannot be on two trips at once, even with two phones starting together
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS smart_kids_van_trip_one_on_road"
            " ON smart_kids_van_trip (vehicle_id) WHERE state = 'on_road'"
        )

    @api.depends("rider_ids.state")
    def _compute_counts(self):
        for trip in self:
            trip.on_board_count = len(trip.rider_ids.filtered(lambda r: r.state == "boarded"))

    # ------------------------------------------------------------------
    # Start
    # ------------------------------------------------------------------
    @api.model
    def _start(self, route):
        """Start today's trip of ``route``: its riders are expected on board."""
        route.check_access("read")
        self.check_access("create")
        centre = route.centre_id
        now = fields.Datetime.now()
        today = centre._local_date(now)
        if self.search_count([("route_id", "=", route.id), ("date", "=", today)]):
            raise UserError(self.env._("%(route)s already ran today.", route=route.display_name))
        if self.sudo().search_count(
            [("vehicle_id", "=", route.vehicle_id.id), ("state", "=", "on_road")]
        ):
            raise UserError(
                self.env._(
                    "%(van)s is still on another trip: end it first.", van=route.vehicle_id.name
                )
            )
        absent = (
            self.env["smart_kids.absence"]
            .sudo()
            .search([("child_id", "in", route.rider_ids.ids), ("date", "=", today)])
            .child_id
        )
        riders = route.rider_ids.filtered(lambda c: c.state == "enrolled") - absent
        if route.direction == "to_home":
            # in the afternoon only children who are at the centre can ride home
            riders = riders.filtered(lambda c, d=today: c._checked_in_on(d))
        trip = self.sudo().create(
            {
                "route_id": route.id,
                "vehicle_id": route.vehicle_id.id,
                "centre_id": centre.id,
                "date": today,
                "direction": route.direction,
                "started_at": now,
                "started_by_id": self.env.uid,
                "due_at": self._due_at(route, today, now),
                "rider_ids": [fields.Command.create({"child_id": c.id}) for c in riders],
            }
        )
        trip = trip.with_env(self.env)
        trip.check_access("write")  # the new trip is in the user's scope
        self._schedule_alerts(now)
        return trip

    @api.model
    def _due_at(self, route, day, now):
        """Planned arrival plus the centre's grace, or as long after a late start."""
        centre = route.centre_id
        planned = centre._local_hour_utc(day, route.planned_arrival)
        duration = timedelta(hours=route.planned_arrival - route.planned_departure)
        grace = timedelta(minutes=centre.van_overdue_minutes)
        return max(planned, now + duration) + grace

    # ------------------------------------------------------------------
    # Scans
    # ------------------------------------------------------------------
    def _rider_of(self, child):
        """This trip's line for ``child``, or a refusal that says which van they ride."""
        self.ensure_one()
        rider = self.rider_ids.filtered(lambda r: r.child_id == child)
        if rider:
            return rider
        if child.centre_id != self.centre_id:
            raise UserError(self.env._("This card belongs to a child of another centre."))
        other = (
            self.env["smart_kids.van.route"]
            .sudo()
            .search(
                [
                    ("rider_ids", "in", child.ids),
                    ("direction", "=", self.direction),
                    ("id", "!=", self.route_id.id),
                ],
                limit=1,
            )
        )
        if other:
            raise UserError(
                self.env._(
                    "%(child)s rides %(route)s (%(van)s), not this van.",
                    child=child.name,
                    route=other.name,
                    van=other.vehicle_id.name,
                )
            )
        raise UserError(self.env._("%(child)s is not on this van's list.", child=child.name))

    def _scan_child(self, child):
        """A child's card scanned on the van: on board, or off at the end of the ride.

        Returns ``(rider, status)``: ``boarded``, ``already_on_board``, ``arrived`` (checked
        in at the centre), ``choose_collector`` (at home: who takes the child?) or
        ``already_off``.
        """
        self.ensure_one()
        self.check_access("write")
        if self.state != "on_road":
            raise UserError(self.env._("This trip has ended."))
        rider = self._rider_of(child)
        if rider.state == "off":
            return rider, "already_off"
        if self.stage == "boarding":
            if rider.state == "boarded":
                return rider, "already_on_board"
            rider._board()
            return rider, "boarded"
        if rider.state != "boarded":
            raise UserError(
                self.env._(
                    "%(child)s was not scanned on board this trip: check the van and tell the "
                    "centre.",
                    child=child.name,
                )
            )
        if self.direction == "to_centre":
            rider._arrive_at_centre()
            return rider, "arrived"
        return rider, "choose_collector"

    def action_start_unloading(self):
        """At the centre (morning) or leaving it (afternoon): scans now take children off.
        Whoever was expected and did not board is "not boarded" from now on (the roster
        says so; the teacher can still say why)."""
        for trip in self:
            if trip.state != "on_road":
                raise UserError(self.env._("This trip has ended."))
            trip._scope_write_workflow({"stage": "unloading"})
            trip.rider_ids.filtered(lambda r: r.state == "expected")._scope_write_workflow(
                {"state": "not_boarded"}
            )

    # ------------------------------------------------------------------
    # End
    # ------------------------------------------------------------------
    def _end(self, payload):
        """End the trip from the van's rear QR code, once no child is on board."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "on_road":
            raise UserError(self.env._("This trip has ended."))
        on_board = self.rider_ids.filtered(lambda r: r.state == "boarded")
        if on_board:
            raise UserError(
                self.env._(
                    "The trip cannot end: %(children)s still on board. Scan each child off.",
                    children=", ".join(on_board.child_id.mapped("name")),
                )
            )
        if not self.vehicle_id._is_rear_code(payload):
            raise UserError(
                self.env._(
                    "Walk to the back of %(van)s and scan the QR code fixed there.",
                    van=self.vehicle_id.name,
                )
            )
        now = fields.Datetime.now()
        self.rider_ids.filtered(lambda r: r.state == "expected")._scope_write_workflow(
            {"state": "not_boarded"}
        )
        self._scope_write_workflow({"state": "ended", "ended_at": now, "ended_by_id": self.env.uid})
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Trip ended by %(user)s", user=self.env.user.name)
        )

    # ------------------------------------------------------------------
    # The late-van alert
    # ------------------------------------------------------------------
    @api.model
    def _cron_check_overdue(self):
        """Alert on trips still on the road after their time; escalate those left alone."""
        now = fields.Datetime.now()
        Trip = self.sudo()
        Trip.search(
            [("state", "=", "on_road"), ("alerted_at", "=", False), ("due_at", "<=", now)]
        )._alert(now)
        Trip.search(
            [("state", "=", "on_road"), ("alerted_at", "!=", False), ("escalated_at", "=", False)]
        ).filtered(
            lambda t: t.alerted_at + timedelta(minutes=t.centre_id.van_escalation_minutes) <= now
        )._escalate(now)
        self._schedule_alerts(now)

    def _alert(self, now):
        for trip in self:
            users = (trip.vehicle_id.attendant_user_ids | trip.centre_id._teacher_users()).filtered(
                "active"
            )
            trip._schedule_alert_activities(
                users,
                self.env._("Van not back: %(van)s", van=trip.vehicle_id.name),
            )
        self.write({"alerted_at": now})
        self.env["smart_kids.hooks"]._emit("van_trip_overdue", self)

    def _escalate(self, now):
        for trip in self:
            centre = trip.centre_id
            users = centre._head_users() | centre._executive_users()
            trip._schedule_alert_activities(
                users,
                self.env._(
                    "Van still not back at %(centre)s: %(van)s",
                    centre=centre.name,
                    van=trip.vehicle_id.name,
                ),
            )
        self.write({"escalated_at": now})
        self.env["smart_kids.hooks"]._emit("van_trip_escalated", self)

    def _schedule_alert_activities(self, users, summary):
        self.ensure_one()
        on_board = self.rider_ids.filtered(lambda r: r.state == "boarded").child_id
        note = self.env._(
            "%(route)s should have arrived; the trip has not been ended at the rear QR code. "
            "Children still on board: %(children)s. Call the attendant and the driver "
            "%(driver)s now.",
            route=self.route_id.name,
            children=", ".join(on_board.mapped("name")) or self.env._("none scanned"),
            driver=" ".join(
                filter(None, [self.vehicle_id.driver_name, self.vehicle_id.driver_phone])
            ),
        )
        for user in users:
            self.activity_schedule(
                "mail.mail_activity_data_warning", summary=summary, note=note, user_id=user.id
            )

    @api.model
    def _schedule_alerts(self, now):
        """Wake the cron at each trip's alert time and escalation time, not at the next poll."""
        cron = self.env.ref("smart_kids_transport.ir_cron_van_overdue", raise_if_not_found=False)
        if not cron:
            return
        wanted = set()
        for trip in self.sudo().search([("state", "=", "on_road")]):
            if not trip.alerted_at:
                wanted.add(trip.due_at)
            elif not trip.escalated_at:
                wanted.add(
                    trip.alerted_at + timedelta(minutes=trip.centre_id.van_escalation_minutes)
                )
        scheduled = set(
            self.env["ir.cron.trigger"]
            .sudo()
            .search([("cron_id", "=", cron.id), ("call_at", ">", now)])
            .mapped("call_at")
        )
        missing = sorted(at for at in wanted - scheduled if at and at > now)
        if missing:
            cron.sudo()._trigger(at=missing)
            wake_crons_at(self.env.cr, missing)
