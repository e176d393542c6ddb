from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import NamedTuple
from urllib.parse import urlparse

import pytz

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from .qr_codes import LOCAL_HOSTS
from .qr_codes import qr_png_base64
from .secret_tokens import fill_missing_tokens
from .secret_tokens import new_token


class Roster(NamedTuple):
    """One centre's day: who is expected, who came, who is absent and who is missing."""

    day: date
    is_open: bool
    expected: models.BaseModel
    attendances: models.BaseModel
    absences: models.BaseModel
    missing: models.BaseModel
    unaccounted: models.BaseModel
    notes: dict  # {child id: what other modules know of a missing child, e.g. "on the van"}


class SmartKidsCentre(models.Model):
    """A child development centre (ศูนย์พัฒนาเด็กเล็ก), the leaf of the area tree.

    It extends its ``smart_kids.area`` node by delegation so that scope rules written
    against areas cover centres without a special case.
    """

    _name = "smart_kids.centre"
    _description = "Child Development Centre"
    _inherits = {"smart_kids.area": "area_id"}
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin", "image.mixin"]
    # the LAO a centre belongs to, its teachers and head decide who sees it
    _scope_admin_fields = ("area_id", "lao_id", "teacher_ids", "head_user_id")
    _scope_workflow_fields = ("kiosk_token",)
    _order = "name"

    area_id = fields.Many2one(
        "smart_kids.area", required=True, ondelete="cascade", index=True, auto_join=True
    )
    lao_id = fields.Many2one(
        "smart_kids.area",
        string="Local Administrative Organisation",
        related="area_id.parent_id",
        readonly=False,
        required=True,
        domain="[('area_type', '=', 'lao')]",
        tracking=True,
    )
    district_id = fields.Many2one(
        "smart_kids.area", compute="_compute_district_province", store=True, string="District"
    )
    province_id = fields.Many2one(
        "smart_kids.area", compute="_compute_district_province", store=True, string="Province"
    )
    street = fields.Char()
    village = fields.Char(string="Village (Moo)")
    subdistrict = fields.Char(string="Subdistrict (Tambon)")
    zip = fields.Char(string="Postal Code")
    phone = fields.Char()
    email = fields.Char()
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    map_url = fields.Char(compute="_compute_map_url", string="Map")
    capacity = fields.Integer(help="Number of children the centre is licensed to care for.")
    opening_time = fields.Float(default=7.5, help="Local time, e.g. 07:30.")
    closing_time = fields.Float(default=15.5)
    checkin_deadline = fields.Float(
        default=8.5,
        string="Check-in Deadline",
        help="Children expected today and neither scanned nor marked absent by this time "
        "are treated as unaccounted for.",
    )
    tz = fields.Selection(_tz_get, string="Timezone", default="Asia/Bangkok", required=True)
    open_on_weekends = fields.Boolean(help="Children are expected on Saturdays and Sundays too.")
    closure_ids = fields.One2many(
        "smart_kids.centre.closure",
        "centre_id",
        string="Closed Days",
        help="Public holidays and other days the centre is closed: nobody is expected.",
    )
    escalation_delay = fields.Integer(
        string="Escalate After (minutes)",
        default=30,
        help="Minutes after the check-in deadline before an unaccounted child is escalated "
        "to the LAO executives.",
    )
    lunch_dri_share = fields.Float(
        string="Lunch Share of Daily Needs (%)",
        default=30.0,
        help="Part of the Thai Dietary Reference Intake a lunch should provide; studies use "
        "30 % (all ages) to 40 % (ages 3-5).",
    )
    head_user_id = fields.Many2one("res.users", string="Centre Head", tracking=True)
    outbreak_children = fields.Integer(
        string="Outbreak Signal: Children",
        default=3,
        help="This many children with the same sign (fever; hand, foot and mouth signs) "
        "within the days below raise an outbreak signal for the head and the LAO executives "
        "(0: off). Our default, not a Ministry of Public Health threshold.",
    )
    outbreak_days = fields.Integer(string="Outbreak Signal: Days", default=3)
    kiosk_token = fields.Char(
        copy=False,
        groups="smart_kids.smart_kids_group_centre_head",
        help="Secret part of the entrance tablet's address. Regenerate it if a tablet is lost.",
    )
    kiosk_idle_seconds = fields.Integer(
        string="Kiosk Returns to Idle After (s)",
        default=20,
        help="The entrance tablet clears the last child's name, photo and allergies after "
        "this many seconds without a tap.",
    )
    kiosk_qr = fields.Binary(
        string="Kiosk Address QR Code",
        compute="_compute_kiosk_qr",
        groups="smart_kids.smart_kids_group_centre_head",
        help="Scan it with the tablet's camera to open the kiosk.",
    )
    kiosk_url_is_public = fields.Boolean(
        compute="_compute_kiosk_qr", groups="smart_kids.smart_kids_group_centre_head"
    )
    kiosk_url = fields.Char(
        compute="_compute_kiosk_url", groups="smart_kids.smart_kids_group_centre_head"
    )
    classroom_ids = fields.One2many("smart_kids.classroom", "centre_id", string="Classrooms")
    child_ids = fields.One2many("smart_kids.child", "centre_id", string="Children")
    teacher_ids = fields.Many2many(
        "smart_kids.teacher",
        "smart_kids_centre_teacher_rel",
        "centre_id",
        "teacher_id",
        string="Teachers",
    )
    enrolled_count = fields.Integer(compute="_compute_enrolled_count", string="Enrolled")

    @api.depends("lao_id", "lao_id.parent_id", "lao_id.parent_id.parent_id")
    def _compute_district_province(self):
        for centre in self:
            node = centre.lao_id
            district = province = self.env["smart_kids.area"]
            while node:
                if node.area_type == "district":
                    district = node
                elif node.area_type == "province":
                    province = node
                node = node.parent_id
            centre.district_id = district
            centre.province_id = province

    @api.depends("kiosk_token")
    def _compute_kiosk_url(self):
        base = self.get_base_url()
        for centre in self:
            centre.kiosk_url = f"{base}/smart_kids/kiosk/{centre.kiosk_token}"

    @api.depends("kiosk_url")
    def _compute_kiosk_qr(self):
        for centre in self:
            url = centre.kiosk_url or ""
            centre.kiosk_qr = qr_png_base64(url) if url else False
            address = urlparse(url)
            # the tablet's camera works only on HTTPS, and only a public host is reachable
            centre.kiosk_url_is_public = (
                address.scheme == "https" and (address.hostname or "") not in LOCAL_HOSTS
            )

    def action_regenerate_kiosk_token(self):
        """A new kiosk address; tablets using the old one stop working at once."""
        self.check_access("write")
        for centre in self:
            centre.sudo().kiosk_token = new_token(24)
            # a log note: it needs no sender's email, which many heads do not have
            centre._message_log(body=self.env._("The kiosk address was regenerated."))

    @api.depends("latitude", "longitude")
    def _compute_map_url(self):
        for centre in self:
            centre.map_url = _map_url(centre.latitude, centre.longitude)

    def _compute_enrolled_count(self):
        counts = dict(
            self.env["smart_kids.child"]._read_group(
                [("centre_id", "in", self.ids), ("state", "=", "enrolled")],
                ["centre_id"],
                ["__count"],
            )
        )
        for centre in self:
            centre.enrolled_count = counts.get(centre, 0)

    # one address, one centre; its unique index is also what finds the centre of a tablet's
    # scan among the country's 19,000 without reading them all
    _sql_constraints = [
        ("kiosk_token_unique", "unique(kiosk_token)", "Kiosk addresses must be unique."),
    ]

    def _auto_init(self):
        res = super()._auto_init()
        fill_missing_tokens(self.env.cr, self._table, "kiosk_token", 24)
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the delegated area is created first: give it its level and parent at once
            vals["area_type"] = "centre"
            if vals.get("lao_id"):
                vals.setdefault("parent_id", vals["lao_id"])
        centres = super().create(vals_list)
        # the server's secret, set after the user's values (a user may not choose it)
        for centre in centres.sudo().filtered(lambda c: not c.kiosk_token):
            centre.kiosk_token = new_token(24)
        return centres

    @api.constrains("opening_time", "closing_time", "checkin_deadline")
    def _check_times(self):
        for centre in self:
            if not 0 <= centre.opening_time < centre.closing_time <= 24:
                raise ValidationError(
                    self.env._(
                        "%(centre)s: opening time must be before closing time.", centre=centre.name
                    )
                )
            if not centre.opening_time <= centre.checkin_deadline <= centre.closing_time:
                raise ValidationError(
                    self.env._(
                        "%(centre)s: the check-in deadline must fall within opening hours.",
                        centre=centre.name,
                    )
                )

    @api.constrains("latitude", "longitude")
    def _check_location(self):
        for centre in self:
            _check_lat_long(self.env, centre.latitude, centre.longitude)

    @api.constrains("escalation_delay")
    def _check_escalation_delay(self):
        for centre in self:
            if not 0 <= centre.escalation_delay <= 24 * 60:
                raise ValidationError(
                    self.env._("The escalation delay must be between 0 and 1440 minutes.")
                )

    def write(self, vals):
        res = super().write(vals)
        if "teacher_ids" in vals:
            self.env.registry.clear_cache()  # teachers' scope changed: rules are cached per user
        if {"checkin_deadline", "tz", "open_on_weekends"} & vals.keys():
            # the deadline cron must wake at the new time
            self.env["smart_kids.unaccounted.case"].sudo()._schedule_next_run(fields.Datetime.now())
        return res

    # ------------------------------------------------------------------
    # The centre's day, in the centre's own time zone
    # ------------------------------------------------------------------
    def _local_date(self, utc_dt):
        self.ensure_one()
        return pytz.utc.localize(utc_dt).astimezone(pytz.timezone(self.tz)).date()

    @api.model
    def _today(self):
        """Today where the centres are: the zone of this centre, or of the first centre the
        user sees (Thai centres share one). Not the user's own zone, which is often unset
        (UTC): between midnight and 07:00 in Thailand that would still be yesterday."""
        centre = self[:1] or self.search([], limit=1)
        if not centre:
            return fields.Date.context_today(self)
        return centre._local_date(fields.Datetime.now())

    def _local_time_str(self, utc_dt):
        self.ensure_one()
        return pytz.utc.localize(utc_dt).astimezone(pytz.timezone(self.tz)).strftime("%H:%M")

    def _local_hour_utc(self, day, hour):
        """``hour`` (e.g. 8.5 for 08:30) of ``day`` in the centre's zone, as naive UTC."""
        self.ensure_one()
        hours, minutes = divmod(round(hour * 60), 60)
        local = pytz.timezone(self.tz).localize(datetime.combine(day, time(hours, minutes)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _deadline_utc(self, day):
        """The check-in deadline of ``day`` as a naive UTC datetime (Odoo's storage)."""
        return self._local_hour_utc(day, self.checkin_deadline)

    def _next_deadline_utc(self, now):
        self.ensure_one()
        day = self._local_date(now)
        for _attempt in range(31):
            if self._is_open_on(day) and self._deadline_utc(day) > now:
                return self._deadline_utc(day)
            day += timedelta(days=1)
        return False

    def _is_open_on(self, day):
        self.ensure_one()
        if day.weekday() >= 5 and not self.open_on_weekends:
            return False
        return day not in self.closure_ids.mapped("date")

    def _expected_children(self, day):
        """Children enrolled here on ``day`` who were not marked absent."""
        self.ensure_one()
        enrolled = self.env["smart_kids.child"].search(
            [
                ("centre_id", "=", self.id),
                ("state", "=", "enrolled"),
                "|",
                ("enrolment_date", "=", False),
                ("enrolment_date", "<=", day),
            ]
        )
        absent = (
            self.env["smart_kids.absence"]
            .search([("child_id", "in", enrolled.ids), ("date", "=", day)])
            .child_id
        )
        return enrolled - absent

    def _missing_children(self, day):
        """Expected on ``day`` and not checked in."""
        self.ensure_one()
        expected = self._expected_children(day)
        arrived = (
            self.env["smart_kids.attendance"]
            .search([("child_id", "in", expected.ids), ("date", "=", day)])
            .child_id
        )
        return expected - arrived

    def _teacher_users(self):
        self.ensure_one()
        return (self.teacher_ids.user_id | self.head_user_id).filtered("active")

    def _head_users(self):
        """Who answers for the centre: its heads, or its teachers when it has none."""
        self.ensure_one()
        users = self._teacher_users()
        heads = users.filtered(lambda u: u.has_group("smart_kids.smart_kids_group_centre_head"))
        return heads or users

    def _executive_users(self):
        """LAO executives whose assigned areas include this centre or its LAO."""
        self.ensure_one()
        group = self.env.ref("smart_kids.smart_kids_group_lao_executive")
        return group.users.filtered(
            lambda user: user.active and (self.area_id | self.lao_id) & user.smart_kids_area_ids
        )

    def search_children(self, text):
        """Enrolled children of this centre whose name or nickname contains ``text``: the
        check-in screen's search when a card is lost (the phone and the kiosk alike)."""
        self.ensure_one()
        text = (text or "").strip()[:64]
        if not text:
            return []
        return self.env["smart_kids.child"].search_read(
            [
                ("centre_id", "=", self.id),
                ("state", "=", "enrolled"),
                "|",
                ("name", "ilike", text),
                ("nickname", "ilike", text),
            ],
            ["name", "nickname"],
            limit=8,
            order="name",
        )

    def _roster(self, day=None):
        """Who is expected on ``day`` (today by default) and where they are: the check-in
        screen's roster tab."""
        self.ensure_one()
        day = day or self._local_date(fields.Datetime.now())
        attendances = self.env["smart_kids.attendance"].search(
            [("centre_id", "=", self.id), ("date", "=", day)]
        )
        expected = self._expected_children(day)
        return Roster(
            day=day,
            is_open=self._is_open_on(day),
            expected=expected,
            attendances=attendances,
            absences=self.env["smart_kids.absence"].search(
                [("centre_id", "=", self.id), ("date", "=", day)]
            ),
            missing=expected - attendances.child_id,
            unaccounted=self.env["smart_kids.unaccounted.case"]
            .search([("centre_id", "=", self.id), ("date", "=", day), ("state", "=", "open")])
            .child_id,
            notes=self._roster_notes(day, expected - attendances.child_id),
        )

    def _roster_notes(self, day, missing):
        """What add-ons know of children not checked in yet: ``{child id: short text}``."""
        return {}

    def action_view_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("smart_kids.smart_kids_child_action")
        action["domain"] = [("centre_id", "=", self.id)]
        action["context"] = {"default_centre_id": self.id}
        return action

    def action_lunch_today(self):
        """Today's lunch of the centre, or a new one for today: one tap from the check-in."""
        self.ensure_one()
        today = self._today()
        action = self.env["ir.actions.act_window"]._for_xml_id("smart_kids.smart_kids_lunch_action")
        lunch = self.env["smart_kids.lunch"].search(
            [("centre_id", "=", self.id), ("date", "=", today)], limit=1
        )
        action.update(
            views=[(False, "form")],
            res_id=lunch.id,
            context={"default_centre_id": self.id, "default_date": fields.Date.to_string(today)},
        )
        return action

    def action_activities_today(self):
        """The centre's activities of today, to add one or a photo."""
        self.ensure_one()
        today = fields.Date.to_string(self._today())
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "smart_kids.smart_kids_day_activity_action"
        )
        action.update(
            domain=[("centre_id", "=", self.id), ("date", "=", today)],
            context={"default_centre_id": self.id, "default_date": today},
        )
        return action


def _map_url(latitude, longitude):
    """Link to a map pin, or False when no location was recorded."""
    if not (latitude or longitude):
        return False
    return f"https://www.google.com/maps/search/?api=1&query={latitude:.7f},{longitude:.7f}"


def _check_lat_long(env, latitude, longitude):
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError(
            env._("Latitude must be between -90 and 90 and longitude between -180 and 180.")
        )
