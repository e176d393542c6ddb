from datetime import timedelta

from lxml import etree

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

# A second scan this soon after check-in is a double scan, not a check-out.
DOUBLE_SCAN_MINUTES = 10

# The symptoms of the morning screen are the Boolean fields named symptom_<key>: declaring
# one is all it takes for the check-in screens, the form, the summaries and LINE to show it.
SYMPTOM_PREFIX = "symptom_"
# From 37.5 °C a child is treated as feverish (Department of Health screening practice).
FEVER_CELSIUS = 37.5


CHECK_OUT_FIELDS = frozenset(
    {"check_out", "collector_pickup_id", "collector_partner_id", "collector_name",
     "collector_unauthorised", "override_reason"}
)  # fmt: skip


class SmartKidsAttendance(models.Model):
    """One child's day at the centre: check-in, health screen and check-out."""

    _name = "smart_kids.attendance"
    _description = "Attendance"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread"]
    _scope_self_user_fields = ("check_in_user_id",)
    # the hand-over is recorded by check_out_child, which checks the adult against the list
    _scope_workflow_fields = (
        "check_out",
        "check_out_user_id",
        "collector_pickup_id",
        "collector_partner_id",
        "collector_name",
        "collector_unauthorised",
        "override_reason",
    )
    _order = "date desc, check_in desc"
    _rec_name = "child_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one("smart_kids.centre", required=True, index=True, ondelete="cascade")
    date = fields.Date(required=True, index=True)
    check_in = fields.Datetime(required=True)
    check_in_user_id = fields.Many2one("res.users", string="Checked In By")
    arrival_mode = fields.Selection(
        [("guardian", "Guardian"), ("van", "School Van"), ("walk", "Walked"), ("other", "Other")],
        default="guardian",
        required=True,
        tracking=True,
    )
    check_out = fields.Datetime(tracking=True)
    check_out_user_id = fields.Many2one("res.users", string="Checked Out By")
    collector_pickup_id = fields.Many2one("smart_kids.child.pickup", string="Collected By (Pickup)")
    collector_partner_id = fields.Many2one("res.partner", string="Collected By (Guardian)")
    collector_name = fields.Char(string="Collected By", tracking=True)
    collector_unauthorised = fields.Boolean(
        string="Unauthorised Collector",
        help="Collected by someone not on the authorised list.",
        tracking=True,
    )
    override_reason = fields.Char(string="Reason for Override", tracking=True)
    health_screened = fields.Boolean(tracking=True)
    temperature = fields.Float(digits=(3, 1), help="Degrees Celsius.", tracking=True)
    symptom_fever = fields.Boolean(string="Fever", tracking=True)
    symptom_cough = fields.Boolean(string="Cough", tracking=True)
    symptom_runny_nose = fields.Boolean(string="Runny nose", tracking=True)
    symptom_rash = fields.Boolean(string="Rash", tracking=True)
    symptom_mouth_ulcers = fields.Boolean(string="Mouth ulcers", tracking=True)
    symptom_hand_foot_blisters = fields.Boolean(string="Blisters on hands or feet", tracking=True)
    symptom_wound = fields.Boolean(string="Wounds or bruises", tracking=True)
    symptom_lice = fields.Boolean(string="Head lice", tracking=True)
    health_notes = fields.Char(tracking=True)
    health_abnormal = fields.Boolean(compute="_compute_health_abnormal", store=True, index=True)
    state = fields.Selection(
        [("present", "Present"), ("left", "Gone Home")], compute="_compute_state", store=True
    )

    _sql_constraints = [
        ("child_date_unique", "unique(child_id, date)", "A child has one attendance per day."),
    ]

    @api.model
    def _symptom_fields(self):
        """The symptom fields, in the order they are declared."""
        return [name for name in self._fields if name.startswith(SYMPTOM_PREFIX)]

    @api.model
    def _symptoms(self):
        """[(key, label in the user's language)] of the morning screen's symptoms."""
        return [
            (name[len(SYMPTOM_PREFIX) :], self._fields[name]._description_string(self.env))
            for name in self._symptom_fields()
        ]

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """The form lists every symptom field where its placeholder is."""
        arch, view = super()._get_view(view_id, view_type, **options)
        for anchor in arch.iterfind(".//group[@name='health_screen']/field[@name='health_notes']"):
            for name in self._symptom_fields():
                anchor.addprevious(etree.Element("field", name=name))
        return arch, view

    @api.depends(lambda self: ["temperature", *self._symptom_fields()])
    def _compute_health_abnormal(self):
        symptom_fields = self._symptom_fields()
        for attendance in self:
            attendance.health_abnormal = bool(
                attendance.temperature >= FEVER_CELSIUS
                or any(attendance[name] for name in symptom_fields)
            )

    @api.depends("check_out")
    def _compute_state(self):
        for attendance in self:
            attendance.state = "left" if attendance.check_out else "present"

    @api.constrains("temperature")
    def _check_temperature(self):
        for attendance in self:
            if attendance.temperature and not 34 <= attendance.temperature <= 43:
                raise ValidationError(
                    self.env._(
                        "%(temp)s °C is not a body temperature: enter degrees Celsius.",
                        temp=attendance.temperature,
                    )
                )

    @api.constrains("child_id", "centre_id", "collector_pickup_id", "collector_partner_id")
    def _check_same_child_and_centre(self):
        self._check_centre_agrees("child_id", "collector_pickup_id")
        for attendance in self.sudo():
            pickup = attendance.collector_pickup_id
            if (pickup and pickup.child_id != attendance.child_id) or (
                attendance.collector_partner_id
                and attendance.collector_partner_id
                not in attendance.child_id.guardian_ids.partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "This adult is not on %(child)s's list.", child=attendance.child_id.name
                    )
                )

    @api.constrains("check_in", "check_out")
    def _check_times(self):
        for attendance in self:
            if attendance.check_out and attendance.check_out < attendance.check_in:
                raise ValidationError(self.env._("Check-out cannot be before check-in."))

    # ------------------------------------------------------------------
    # Scanning, for the check-in screen's service (controllers/checkin.py)
    # ------------------------------------------------------------------
    @api.model
    def _scan_card(self, centre, payload):
        """Check a child in or out at ``centre`` from the payload of their QR card.

        Returns ``(attendance, status)``; refuses a card that is not valid here with a
        ``UserError`` and writes nothing.
        """
        child = self.env["smart_kids.child"]._find_by_card(payload)
        if not child:
            raise UserError(
                self.env._("This is not a valid Smart Kids card (or it has been replaced).")
            )
        return self._scan_child(centre, child)

    @api.model
    def _scan_child(self, centre, child):
        """Same as a scan, for a child picked by name when the card is lost.

        The status says what happened: ``checked_in`` (just now), ``already_in`` (a second
        scan within minutes), ``check_out`` (later: who collects the child?) or
        ``already_out``.
        """
        if child.centre_id != centre:
            # say no more than needed: the child is not of this centre
            raise UserError(self.env._("This card belongs to a child of another centre."))
        child = child.with_env(self.env)
        if child.state != "enrolled" or not child.active:
            raise UserError(
                self.env._("%(child)s is not enrolled at this centre any more.", child=child.name)
            )
        now = fields.Datetime.now()
        today = centre._local_date(now)
        attendance = self.search([("child_id", "=", child.id), ("date", "=", today)])
        if not attendance:
            absence = self.env["smart_kids.absence"].search(
                [("child_id", "=", child.id), ("date", "=", today)]
            )
            attendance = self.create(
                {
                    "child_id": child.id,
                    "centre_id": centre.id,
                    "date": today,
                    "check_in": now,
                    "check_in_user_id": self.env.uid,
                }
            )
            absence.unlink()  # came after all: the child is here
            return attendance, "checked_in"
        if attendance.check_out:
            return attendance, "already_out"
        if now - attendance.check_in < timedelta(minutes=DOUBLE_SCAN_MINUTES):
            return attendance, "already_in"
        return attendance, "check_out"

    def record_arrival(self, arrival_mode=None, health=None, replace_findings=False):
        """Arrival details after the scan: how the child came and the health screen.

        ``health`` is ``{"normal": True}`` for the one-tap normal screen, or the
        temperature, symptom keys and notes found. Findings already saved are replaced only
        with ``replace_findings`` (the screen asks first): one stray tap must not erase a
        fever the head is following up.
        """
        self.ensure_one()
        if health is not None and self.health_abnormal and not replace_findings:
            raise UserError(
                self.env._(
                    "Health findings are already saved for %(child)s: %(findings)s. Confirm to "
                    "replace them.",
                    child=self.child_id.name,
                    findings=self._health_summary(),
                )
            )
        vals = {}
        if arrival_mode:
            vals["arrival_mode"] = arrival_mode
        if health is not None:
            vals["health_screened"] = True
            vals["temperature"] = health.get("temperature") or 0.0
            vals["health_notes"] = health.get("notes") or False
            symptoms = set(health.get("symptoms") or [])
            keys = {key for key, _label in self._symptoms()}
            unknown = symptoms - keys
            if unknown:
                raise UserError(self.env._("Unknown symptom: %(s)s", s=", ".join(sorted(unknown))))
            for key in keys:
                vals[SYMPTOM_PREFIX + key] = key in symptoms
        was_abnormal = self.health_abnormal
        self.write(vals)
        if self.health_abnormal and not was_abnormal:
            self._notify_health_abnormal()
            self.env["smart_kids.outbreak.signal"]._check_centre(self.centre_id, self.date)
        self.env["smart_kids.hooks"]._emit("arrival_recorded", self)
        return True

    def check_out_child(self, pickup_id=None, partner_id=None, other_name=None, reason=None):
        """Hand the child over to an authorised adult, or to someone else with a reason."""
        self.ensure_one()
        if self.check_out:
            return True
        vals = {
            "check_out": fields.Datetime.now(),
            "check_out_user_id": self.env.uid,
            **self.child_id._collector_vals(pickup_id, partner_id, other_name, reason),
        }
        self._scope_write_workflow(vals)
        if self.collector_unauthorised:
            self._notify_unauthorised_collector()
        self.env["smart_kids.hooks"]._emit("check_out", self)
        return True

    def write(self, vals):
        """Recording a value the first time is not tracked; changing one already recorded
        (a health finding, the hand-over, how the child came once the arrival was recorded) is,
        in the chatter: who, when, before and after."""
        keys = set(vals)
        health_keys = keys & self._health_screen_fields()
        correcting = self.filtered(
            lambda a: (
                (a.health_screened and (health_keys or "arrival_mode" in keys))
                or (a.check_out and keys & CHECK_OUT_FIELDS)
            )
        )
        first = self - correcting
        if first:
            super(SmartKidsAttendance, first.with_context(tracking_disable=True)).write(vals)
        if correcting:
            super(SmartKidsAttendance, correcting).write(vals)
        return True

    @api.model
    def _health_screen_fields(self):
        return {"health_screened", "temperature", "health_notes", *self._symptom_fields()}

    # ------------------------------------------------------------------
    # Alerts
    # ------------------------------------------------------------------
    def _notify_health_abnormal(self):
        for attendance in self:
            attendance.child_id._schedule_head_activity(
                self.env._("Health screen: %(child)s", child=attendance.child_id.name),
                attendance._health_summary(),
            )
        self.env["smart_kids.hooks"]._emit("health_abnormal", self)

    def _notify_unauthorised_collector(self):
        for attendance in self:
            attendance.child_id._schedule_head_activity(
                self.env._(
                    "Collected by an unlisted adult: %(child)s", child=attendance.child_id.name
                ),
                self.env._(
                    "%(name)s collected the child. Reason: %(reason)s",
                    name=attendance.collector_name,
                    reason=attendance.override_reason,
                ),
            )

    def _health_summary(self):
        self.ensure_one()
        found = [label for key, label in self._symptoms() if self[SYMPTOM_PREFIX + key]]
        if self.temperature:
            found.insert(0, f"{self.temperature:.1f} °C")
        if self.health_notes:
            found.append(self.health_notes)
        return ", ".join(found)

    @api.model_create_multi
    def create(self, vals_list):
        # a check-in is recorded, not corrected: no chatter message, no follower (hot path)
        attendances = (
            super(SmartKidsAttendance, self.with_context(tracking_disable=True))
            .create(vals_list)
            .with_env(self.env)
        )
        self.env["smart_kids.unaccounted.case"]._resolve_for(attendances, "checked_in")
        self.env["smart_kids.hooks"]._emit("check_in", attendances)
        return attendances
