"""The check-in screen's server side, one service for a teacher's phone and the entrance tablet.

The models do the work and return records (``smart_kids.attendance._scan_card`` and friends,
``smart_kids.centre._roster``); this service runs them at one centre and shapes what the
screen shows, like ``hr_attendance``'s ``_get_employee_info_response``. The phone calls it as
the logged-in teacher (``/smart_kids/checkin/<action>``), the tablet as superuser limited to
the centre of its secret token (``/smart_kids/kiosk/checkin/<action>``): the same checks and
the same answers. A new action is one method here, listed in ``ACTIONS``.
"""

from werkzeug.exceptions import NotFound

from odoo import fields
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

# what the screen may ask; anything else is not found
ACTIONS = frozenset(
    {"setup", "roster", "scan", "scan_child", "search", "arrival", "check_out", "absent"}
)


def web_image_url(record, field):
    return f"/web/image/{record._name}/{record.id}/{field}"


class CheckinService:
    """What the check-in screen does at the centres ``centre_domain`` allows, as ``env``.

    ``photo_url(record, field)`` says where the screen fetches a photo: the web client's
    image route for a teacher, the kiosk's own route for the tablet (the public user may
    not read ``/web/image``). Add-ons with screens of their own (e.g. van trips) subclass it
    and extend ``actions``.
    """

    actions = ACTIONS

    def __init__(self, env, centre_domain=(), photo_url=web_image_url):
        self.env = env
        self.centre_domain = list(centre_domain)
        self.photo_url = photo_url

    def run(self, action, params):
        if action not in self.actions:
            raise NotFound()
        return getattr(self, action)(**params)

    # ------------------------------------------------------------------
    # Records the screen names, always of an allowed centre
    # ------------------------------------------------------------------
    def _centres(self):
        return self.env["smart_kids.centre"].search(self.centre_domain, order="name")

    def _centre(self, centre_id=None):
        """The centre named, or the only one allowed (a kiosk, a teacher of one centre)."""
        domain = self.centre_domain + ([("id", "=", int(centre_id))] if centre_id else [])
        centre = self.env["smart_kids.centre"].search(domain, limit=2)
        if len(centre) != 1:
            raise UserError(self.env._("Choose your centre before scanning."))
        return centre

    def _attendance(self, centre_id, attendance_id):
        centre = self._centre(centre_id)
        attendance = self.env["smart_kids.attendance"].browse(int(attendance_id)).exists()
        if attendance.centre_id != centre:
            raise UserError(self.env._("This record does not belong to this centre."))
        return attendance

    def _child(self, centre, child_id):
        child = self.env["smart_kids.child"].browse(int(child_id)).exists()
        if not child or child.centre_id != centre:
            raise UserError(self.env._("This child was not found."))
        return child

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def setup(self):
        """The centres to choose from and the choices the screen's buttons offer, from the
        fields themselves (a new symptom or arrival mode shows up without touching the JS)."""
        Attendance = self.env["smart_kids.attendance"]
        return {
            "centres": [{"id": c.id, "name": c.name} for c in self._centres()],
            "arrival_modes": Attendance._fields["arrival_mode"]._description_selection(self.env),
            "absence_reasons": self.env["smart_kids.absence"]
            ._fields["reason"]
            ._description_selection(self.env),
            "symptoms": Attendance._symptoms(),
        }

    def scan(self, payload, centre_id=None):
        attendance, status = self.env["smart_kids.attendance"]._scan_card(
            self._centre(centre_id), payload
        )
        return self._scan_response(attendance, status)

    def scan_child(self, child_id, centre_id=None):
        centre = self._centre(centre_id)
        attendance, status = self.env["smart_kids.attendance"]._scan_child(
            centre, self._child(centre, child_id)
        )
        return self._scan_response(attendance, status)

    def search(self, text, centre_id=None):
        return self._centre(centre_id).search_children(text)

    def arrival(
        self, attendance_id, centre_id=None, arrival_mode=None, health=None, replace_findings=False
    ):
        attendance = self._attendance(centre_id, attendance_id)
        attendance.record_arrival(
            arrival_mode=arrival_mode, health=health, replace_findings=bool(replace_findings)
        )
        return self._scan_response(attendance, "checked_in")

    def check_out(
        self,
        attendance_id,
        centre_id=None,
        pickup_id=None,
        partner_id=None,
        other_name=None,
        reason=None,
    ):
        attendance = self._attendance(centre_id, attendance_id)
        attendance.check_out_child(
            pickup_id=pickup_id, partner_id=partner_id, other_name=other_name, reason=reason
        )
        return self._scan_response(attendance, "already_out")

    def absent(self, child_id, reason, centre_id=None, note=None):
        centre = self._centre(centre_id)
        absence = self.env["smart_kids.absence"].create(
            {
                "child_id": self._child(centre, child_id).id,
                "reason": reason,
                "note": note or False,
                "date": centre._local_date(fields.Datetime.now()),
            }
        )
        return absence.id

    def roster(self, centre_id=None, day=None):
        """Today's roster: arrived, absent and missing children."""
        centre = self._centre(centre_id)
        roster = centre._roster(fields.Date.to_date(day) if day else None)
        reasons = dict(roster.absences._fields["reason"]._description_selection(self.env))
        return {
            "centre": {"id": centre.id, "name": centre.name},
            "date": fields.Date.to_string(roster.day),
            "is_open": roster.is_open,
            "expected_count": len(roster.expected),
            "arrived": [
                self._child_card(
                    a.child_id,
                    time=centre._local_time_str(a.check_in),
                    left=bool(a.check_out),
                    health_abnormal=a.health_abnormal,
                    collector=a.collector_name or "",
                    collector_unlisted=a.collector_unauthorised,
                )
                for a in roster.attendances.sorted("check_in")
            ],
            "absent": [
                self._child_card(a.child_id, reason=reasons[a.reason], note=a.note or "")
                for a in roster.absences
            ],
            "missing": [
                self._child_card(
                    child,
                    unaccounted=child in roster.unaccounted,
                    note=roster.notes.get(child.id, ""),
                )
                for child in roster.missing.sorted("name")
            ],
        }

    # ------------------------------------------------------------------
    # Shaping
    # ------------------------------------------------------------------
    def _child_card(self, child, **extra):
        return {
            "id": child.id,
            "name": child.name,
            "nickname": child.nickname or "",
            "image_url": self.photo_url(child, "image_128"),
            **extra,
        }

    def _scan_response(self, attendance, status):
        """What the screen shows after a scan: the child, the times and what to do next."""
        child = attendance.child_id
        centre = attendance.centre_id
        check_in = centre._local_time_str(attendance.check_in)
        check_out = centre._local_time_str(attendance.check_out) if attendance.check_out else False
        messages = {
            "checked_in": self.env._("Checked in at %(time)s", time=check_in),
            "already_in": self.env._("Already checked in at %(time)s", time=check_in),
            "already_out": self.env._("Already checked out at %(time)s", time=check_out),
            "check_out": self.env._("Who is collecting %(child)s?", child=child.name),
        }
        titles = dict(child._fields["title"]._description_selection(self.env))
        response = {
            "status": status,
            "message": messages[status],
            "attendance_id": attendance.id,
            "child": {
                **self._child_card(child, image_url=self.photo_url(child, "image_256")),
                "title": titles[child.title],
                # the centre's day (and no read of the user's zone on the hot path)
                "age": child.with_context(tz=centre.tz).age_display,
                "allergies": child.food_allergen_ids.mapped("name"),
            },
            "check_in": check_in,
            "check_out": check_out,
            "arrival_mode": attendance.arrival_mode,
            "health_screened": attendance.health_screened,
            "health_abnormal": attendance.health_abnormal,
            "health_findings": attendance._health_summary() if attendance.health_abnormal else "",
        }
        if status == "check_out":
            response["collectors"] = self._collectors(child)
        return response

    def _collectors(self, child):
        """The adults on the child's list, for the hand-over buttons: each once (a guardian
        also entered as a pickup adult is one button), with a photo and the relationship."""
        relationships = dict(
            self.env["smart_kids.child.guardian"]
            ._fields["relationship"]
            ._description_selection(self.env)
        )
        guardians = child.guardian_ids
        collectors, seen = [], set()
        for guardian in guardians:
            partner = guardian.partner_id
            twin = child.pickup_ids.filtered(lambda p, partner=partner: _same_adult(p, partner))
            seen.update(twin.ids)
            photo = twin[:1] if twin[:1].image_128 else (partner if partner.image_128 else None)
            collectors.append(
                {
                    "partner_id": partner.id,
                    "name": partner.name,
                    "relationship": relationships.get(guardian.relationship, ""),
                    "image_url": self.photo_url(photo, "image_128") if photo else False,
                }
            )
        for pickup in child.pickup_ids:
            if pickup.id in seen:
                continue
            collectors.append(
                {
                    "pickup_id": pickup.id,
                    "name": pickup.name,
                    "relationship": relationships.get(pickup.relationship, ""),
                    "image_url": self.photo_url(pickup, "image_128"),
                }
            )
        return collectors


def _same_adult(pickup, partner):
    """A pickup adult entered again for a guardian: linked to them, or the same name or phone."""
    if pickup.partner_id:
        return pickup.partner_id == partner

    def digits(number):
        return "".join(ch for ch in number or "" if ch.isdigit())

    same_name = (
        " ".join((pickup.name or "").split()).casefold()
        == " ".join((partner.name or "").split()).casefold()
    )
    phone = digits(pickup.phone)
    return same_name or (bool(phone) and phone in (digits(partner.phone), digits(partner.mobile)))


class SmartKidsCheckin(http.Controller):
    @http.route("/smart_kids/checkin/<string:action>", type="json", auth="user")
    def checkin(self, action, **params):
        """The teacher's phone: as the logged-in user, within their record rules."""
        return CheckinService(request.env).run(action, params)
