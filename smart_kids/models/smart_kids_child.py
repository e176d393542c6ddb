from dateutil.relativedelta import relativedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from . import thai_national_id
from .qr_codes import qr_png_base64
from .secret_tokens import fill_missing_tokens
from .secret_tokens import new_token
from .smart_kids_centre import _check_lat_long
from .smart_kids_centre import _map_url

# Prefix of the QR payload: lets a scanner screen tell our cards from other codes.
CARD_PREFIX = "SK1:"

# Children in a child development centre are 2 to 5; seven years leaves room for a child
# who stays on, while still catching a birth year typed in the wrong era (B.E. vs C.E.).
MAX_AGE_YEARS = 7


class SmartKidsChild(models.Model):
    _name = "smart_kids.child"
    _description = "Child"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin", "image.mixin"]
    _order = "centre_id, first_name, last_name"

    name = fields.Char(compute="_compute_name", store=True, precompute=True, index="trigram")
    title = fields.Selection(
        [("boy", "Master"), ("girl", "Miss")],
        string="Name Prefix",
        required=True,
        tracking=True,
        help="เด็กชาย (ด.ช.) or เด็กหญิง (ด.ญ.)",
    )
    first_name = fields.Char(required=True, tracking=True)
    last_name = fields.Char(required=True, tracking=True)
    nickname = fields.Char(tracking=True)
    national_id = fields.Char(
        string="National ID",
        tracking=True,
        copy=False,
        help="13-digit Thai personal identification number (เลขประจำตัวประชาชน).",
    )
    sex = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        required=True,
        compute="_compute_sex",
        store=True,
        precompute=True,
        readonly=False,
    )
    birth_date = fields.Date(required=True, tracking=True)
    age_months = fields.Integer(compute="_compute_age", string="Age in Months")
    age_display = fields.Char(compute="_compute_age", string="Age")
    blood_group = fields.Selection(
        [("a", "A"), ("b", "B"), ("ab", "AB"), ("o", "O"), ("unknown", "Unknown")],
        default="unknown",
    )
    home_address = fields.Text()
    home_latitude = fields.Float(digits=(10, 7))
    home_longitude = fields.Float(digits=(10, 7))
    home_map_url = fields.Char(compute="_compute_home_map_url", string="Home on Map")
    chronic_conditions = fields.Text(help="Long-term conditions teachers must know about.")
    allergy_ids = fields.One2many("smart_kids.child.allergy", "child_id", string="Allergies")
    food_allergen_ids = fields.Many2many(
        "smart_kids.allergen",
        compute="_compute_food_allergen_ids",
        store=True,
        string="Food Allergens",
    )
    state = fields.Selection(
        [
            ("applicant", "Applicant"),
            ("enrolled", "Enrolled"),
            ("graduated", "Graduated"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Enrolment",
        default="enrolled",
        required=True,
        tracking=True,
    )
    enrolment_date = fields.Date(default=fields.Date.context_today, tracking=True)
    leaving_date = fields.Date(tracking=True)
    leaving_reason = fields.Char()
    centre_id = fields.Many2one(
        "smart_kids.centre",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self._default_centre_id(),
    )
    classroom_id = fields.Many2one(
        "smart_kids.classroom",
        domain="[('centre_id', '=', centre_id)]",
        tracking=True,
        ondelete="set null",
    )
    guardian_ids = fields.One2many("smart_kids.child.guardian", "child_id", string="Guardians")
    guardian_partner_ids = fields.Many2many(
        "res.partner", compute="_compute_guardian_partner_ids", string="Guardian Contacts"
    )
    pickup_ids = fields.One2many(
        "smart_kids.child.pickup", "child_id", string="Authorised Pickup Adults"
    )
    photo_consent = fields.Boolean(
        string="Photos May Be Shared",
        tracking=True,
        help="A guardian agreed that photos showing this child may be sent to parents.",
    )
    photo_consent_date = fields.Date(tracking=True)
    photo_consent_partner_id = fields.Many2one(
        "res.partner", string="Photo Consent Given By", tracking=True
    )
    line_consent = fields.Boolean(
        string="LINE Notifications",
        tracking=True,
        help="A guardian agreed to receive news of this child on LINE.",
    )
    line_consent_date = fields.Date(string="LINE Consent Date", tracking=True)
    line_consent_partner_id = fields.Many2one(
        "res.partner", string="LINE Consent Given By", tracking=True
    )
    growth_ids = fields.One2many(
        "smart_kids.growth.measurement", "child_id", string="Growth Measurements"
    )
    last_growth_id = fields.Many2one(
        "smart_kids.growth.measurement",
        compute="_compute_last_growth_id",
        store=True,
        string="Latest Measurement",
    )
    vaccination_ids = fields.One2many(
        "smart_kids.child.vaccination", "child_id", string="Vaccinations"
    )
    qr_token = fields.Char(
        string="Card Token",
        copy=False,
        readonly=True,
        groups="smart_kids.smart_kids_group_teacher",
        index="btree_not_null",
        help="Random secret printed in the child's QR card. Re-issuing the card replaces it "
        "and the old card stops working.",
    )
    card_payload = fields.Char(
        compute="_compute_card_payload", groups="smart_kids.smart_kids_group_teacher"
    )
    card_issued_date = fields.Date(default=fields.Date.context_today, readonly=True, copy=False)
    attendance_ids = fields.One2many("smart_kids.attendance", "child_id", string="Attendance")
    health_alert = fields.Boolean(
        compute="_compute_health_alert",
        search="_search_health_alert",
        help="Today's health screen found something abnormal.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("qr_token_unique", "unique(qr_token)", "Card tokens must be unique."),
    ]

    @api.model
    def _new_qr_token(self):
        return new_token()

    def _auto_init(self):
        res = super()._auto_init()
        fill_missing_tokens(self.env.cr, self._table, "qr_token")
        return res

    @api.depends("qr_token")
    def _compute_card_payload(self):
        for child in self:
            child.card_payload = CARD_PREFIX + child.qr_token if child.qr_token else False

    def _compute_health_alert(self):
        # "today" is the day at the child's centre, whatever the reader's own zone
        todays = {centre: centre._today() for centre in self.centre_id}
        findings = self.env["smart_kids.attendance"].search(
            [
                ("child_id", "in", self.ids),
                ("date", "in", list(set(todays.values()))),
                ("health_abnormal", "=", True),
            ]
        )
        flagged = {(finding.child_id, finding.date) for finding in findings}
        for child in self:
            child.health_alert = (child, todays.get(child.centre_id)) in flagged

    def _search_health_alert(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError
        today = [
            ("date", "=", self.env["smart_kids.centre"]._today()),
            ("health_abnormal", "=", True),
        ]
        positive = (operator == "=") == value
        return [("attendance_ids", "any" if positive else "not any", today)]

    def action_reissue_card(self):
        """Give the child a new card: the old QR stops working at once."""
        if not self.env.user.has_group("smart_kids.smart_kids_group_centre_head"):
            raise AccessError(self.env._("Only a centre head can re-issue a card."))
        self.check_access("write")
        for child in self:
            child.sudo().write(
                {
                    "qr_token": self._new_qr_token(),
                    "card_issued_date": fields.Date.context_today(self),
                }
            )
            # a log note: it needs no sender's email, which many teachers do not have
            child._message_log(
                body=self.env._("A new QR card was issued; the old card no longer works.")
            )
        return True

    def _schedule_head_activity(self, summary, note):
        """A to-do for the heads of the child's centre (its teachers if it has no head)."""
        self.ensure_one()
        for user in self.centre_id._head_users():
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo", summary=summary, note=note, user_id=user.id
            )

    def _collector_vals(self, pickup_id=None, partner_id=None, other_name=None, reason=None):
        """Who takes the child (at the gate, or at home from the van): an adult on the
        child's list, or someone else named with a reason. The ``collector_*`` values to
        record; refuses an adult who is not on the list."""
        self.ensure_one()
        if pickup_id or partner_id:
            pickup = self.pickup_ids.filtered(lambda p: p.id == pickup_id) if pickup_id else None
            guardian = (
                self.guardian_ids.partner_id.filtered(lambda p: p.id == partner_id)
                if partner_id and not pickup_id
                else None
            )
            adult = pickup or guardian
            if not adult:
                raise UserError(
                    self.env._("This adult is not on %(child)s's list.", child=self.name)
                )
            if pickup:
                return {"collector_pickup_id": pickup.id, "collector_name": pickup.name}
            return {"collector_partner_id": guardian.id, "collector_name": guardian.name}
        if not (other_name or "").strip() or not (reason or "").strip():
            raise UserError(
                self.env._("Someone not on the authorised list needs their name and a reason.")
            )
        return {
            "collector_name": other_name.strip(),
            "override_reason": reason.strip(),
            "collector_unauthorised": True,
        }

    def _card_qr_png(self):
        """The card's QR code as base64 PNG."""
        self.ensure_one()
        return qr_png_base64(self.card_payload)

    @api.model
    def _find_by_card(self, payload):
        """The child whose current card carries ``payload``, or an empty recordset."""
        payload = (payload or "").strip()
        if payload.startswith(CARD_PREFIX):
            payload = payload[len(CARD_PREFIX) :]
        if not payload or len(payload) > 64:
            return self.browse()
        return (
            self.sudo()
            .with_context(active_test=False)
            .search([("qr_token", "=", payload)], limit=1)
        )

    @api.model
    def _default_centre_id(self):
        """The user's centre when they work in exactly one (most teachers and heads)."""
        centres = self.env["smart_kids.centre"].search([], limit=2)
        return centres if len(centres) == 1 else False

    @api.depends("first_name", "last_name")
    def _compute_name(self):
        for child in self:
            child.name = " ".join(filter(None, [child.first_name, child.last_name]))

    @api.depends("title")
    def _compute_sex(self):
        for child in self:
            child.sex = {"boy": "male", "girl": "female"}.get(child.title, child.sex)

    @api.depends("birth_date")
    @api.depends_context("tz")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for child in self:
            if not child.birth_date:
                child.age_months = 0
                child.age_display = False
                continue
            age = relativedelta(today, child.birth_date)
            child.age_months = age.years * 12 + age.months
            child.age_display = self.env._(
                "%(years)s y %(months)s m", years=age.years, months=age.months
            )

    def _age_months_on(self, day):
        """Whole months of age on ``day`` (a lunch's date, a measurement's), not today."""
        self.ensure_one()
        if not self.birth_date or day < self.birth_date:
            return 0
        age = relativedelta(day, self.birth_date)
        return age.years * 12 + age.months

    @api.depends("home_latitude", "home_longitude")
    def _compute_home_map_url(self):
        for child in self:
            child.home_map_url = _map_url(child.home_latitude, child.home_longitude)

    @api.depends("allergy_ids.allergen_id.is_food")
    def _compute_food_allergen_ids(self):
        for child in self:
            child.food_allergen_ids = child.allergy_ids.allergen_id.filtered("is_food")

    @api.depends("guardian_ids.partner_id")
    def _compute_guardian_partner_ids(self):
        for child in self:
            child.guardian_partner_ids = child.guardian_ids.partner_id

    @api.depends("growth_ids.date")
    def _compute_last_growth_id(self):
        for child in self:
            child.last_growth_id = child.growth_ids.sorted("date")[-1:]

    @api.depends("name", "nickname")
    def _compute_display_name(self):
        for child in self:
            child.display_name = (
                f"{child.name} ({child.nickname})" if child.nickname else child.name
            )

    @api.model
    def _name_search(self, name, domain=None, operator="ilike", limit=None, order=None):
        if name and operator == "ilike":
            domain = [
                *(domain or []),
                "|",
                "|",
                ("name", "ilike", name),
                ("nickname", "ilike", name),
                ("national_id", "=", thai_national_id.compact(name)),
            ]
            return self._search(domain, limit=limit, order=order)
        return super()._name_search(name, domain, operator, limit, order)

    # ------------------------------------------------------------------
    # Input normalisation and validation
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalise_vals(vals)
            if not (self.env.su and vals.get("qr_token")):
                # a card token is the server's secret, never chosen by a client
                vals["qr_token"] = self._new_qr_token()
        if any(vals.get("state", "enrolled") != "enrolled" for vals in vals_list):
            self._check_enrolment_rights()
        return super().create(vals_list)

    def write(self, vals):
        self._normalise_vals(vals)
        if {"state", "leaving_date", "leaving_reason"} & vals.keys():
            self._check_enrolment_rights()
        return super().write(vals)

    @api.model
    def _check_enrolment_rights(self):
        """Enrolling, graduating and withdrawing decide whether a child is expected (and
        looked for) every morning: centre heads only."""
        if not (self.env.su or self.env.user.has_group("smart_kids.smart_kids_group_centre_head")):
            raise AccessError(
                self.env._("Only a centre head enrols, graduates or withdraws a child.")
            )

    @api.model
    def _normalise_vals(self, vals):
        """Store national IDs as 13 bare digits, whatever separators were typed."""
        if vals.get("national_id"):
            vals["national_id"] = thai_national_id.compact(vals["national_id"])
        for key in ("first_name", "last_name", "nickname"):
            if isinstance(vals.get(key), str):
                vals[key] = " ".join(vals[key].split())

    @api.constrains("national_id")
    def _check_national_id(self):
        for child in self.filtered("national_id"):
            if not thai_national_id.is_valid(child.national_id):
                raise ValidationError(
                    self.env._(
                        "%(id)s is not a valid Thai national ID for %(child)s: it must have "
                        "13 digits and a correct check digit.",
                        id=child.national_id,
                        child=child.name,
                    )
                )

    @api.constrains("birth_date")
    def _check_birth_date(self):
        for child in self:
            # the centre's day, not the user's zone (often unset: UTC is yesterday in Thailand
            # until 07:00)
            today = (
                child.centre_id._today() if child.centre_id else fields.Date.context_today(child)
            )
            oldest = today - relativedelta(years=MAX_AGE_YEARS)
            if child.birth_date > today:
                raise ValidationError(
                    self.env._(
                        "The birth date of %(child)s (%(date)s) is in the future.",
                        child=child.name,
                        date=child.birth_date,
                    )
                )
            if child.birth_date < oldest:
                raise ValidationError(
                    self.env._(
                        "The birth date of %(child)s (%(date)s) is more than %(years)s years "
                        "ago; check the year (Buddhist Era years are 543 more than C.E.).",
                        child=child.name,
                        date=child.birth_date,
                        years=MAX_AGE_YEARS,
                    )
                )

    @api.constrains("national_id", "first_name", "last_name", "birth_date", "centre_id")
    def _check_duplicate_in_centre(self):
        for child in self:
            same_person = [
                ("birth_date", "=", child.birth_date),
                ("first_name", "=ilike", child.first_name),
                ("last_name", "=ilike", child.last_name),
            ]
            if child.national_id:
                same_person = ["|", ("national_id", "=", child.national_id), "&", "&", *same_person]
            duplicate = (
                self.with_context(active_test=False)
                .sudo()
                .search(
                    [("id", "!=", child.id), ("centre_id", "=", child.centre_id.id), *same_person],
                    limit=1,
                )
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%(child)s is already registered in %(centre)s.",
                        child=child.name,
                        centre=child.centre_id.name,
                    )
                )

    @api.constrains("classroom_id", "centre_id")
    def _check_classroom_centre(self):
        for child in self.filtered("classroom_id"):
            if child.classroom_id.centre_id != child.centre_id:
                raise ValidationError(
                    self.env._(
                        "Classroom %(room)s does not belong to %(centre)s.",
                        room=child.classroom_id.name,
                        centre=child.centre_id.name,
                    )
                )

    @api.constrains("home_latitude", "home_longitude")
    def _check_home_location(self):
        for child in self:
            _check_lat_long(self.env, child.home_latitude, child.home_longitude)

    @api.constrains(
        "photo_consent",
        "photo_consent_date",
        "photo_consent_partner_id",
        "line_consent",
        "line_consent_date",
        "line_consent_partner_id",
    )
    def _check_consents(self):
        for child in self:
            for flag, label in (
                ("photo", self.env._("photo sharing")),
                ("line", self.env._("LINE notifications")),
            ):
                given = child[f"{flag}_consent"]
                date = child[f"{flag}_consent_date"]
                partner = child[f"{flag}_consent_partner_id"]
                if given and not (date and partner):
                    raise ValidationError(
                        self.env._(
                            "Consent to %(what)s for %(child)s needs the date and the guardian "
                            "who gave it.",
                            what=label,
                            child=child.name,
                        )
                    )
                if partner and partner not in child.guardian_ids.partner_id:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s is not a guardian of %(child)s.",
                            partner=partner.name,
                            child=child.name,
                        )
                    )

    @api.constrains("state", "leaving_date", "enrolment_date")
    def _check_enrolment_dates(self):
        for child in self:
            if (
                child.leaving_date
                and child.enrolment_date
                and child.leaving_date < child.enrolment_date
            ):
                raise ValidationError(
                    self.env._("%(child)s cannot leave before being enrolled.", child=child.name)
                )

    # ------------------------------------------------------------------
    # Enrolment actions (centre heads)
    # ------------------------------------------------------------------
    def action_enrol(self):
        self.write({"state": "enrolled", "leaving_date": False, "leaving_reason": False})

    def action_graduate(self):
        self.write({"state": "graduated", "leaving_date": fields.Date.context_today(self)})

    def action_withdraw(self):
        self.write({"state": "withdrawn", "leaving_date": fields.Date.context_today(self)})
