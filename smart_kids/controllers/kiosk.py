"""The entrance tablet: check-in without a personal login, like hr_attendance's kiosk.

Every route takes the centre's secret kiosk token. The check-in actions are the phone's
(``CheckinService``), run as superuser but only ever at that centre, so the same checks apply.
"""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import py_to_js_locale

from .checkin import ACTIONS
from .checkin import CheckinService

# The kiosk speaks Thai when Thai is installed, whatever the public user's language.
KIOSK_LANG = "th_TH"

# the photos a kiosk shows, by the name in its photo address
KIOSK_PHOTOS = {
    "child": "smart_kids.child",
    "pickup": "smart_kids.child.pickup",
    "guardian": "res.partner",
}


class KioskCheckinService(CheckinService):
    """What a shared tablet at the gate may do: scan a card, record the arrival and health
    screen, hand a child to an adult on their list. Not the roster, absences, name search or
    an unlisted adult: whoever stands at the gate holds the tablet, and a shared PIN would be
    known to every parent within days. Teachers do those on their phones, as themselves."""

    actions = ACTIONS - {"roster", "absent", "search", "scan_child"}

    def __init__(self, env, centre, photo_url):
        super().__init__(env, [("id", "=", centre.id)], photo_url)
        self.centre = centre

    def setup(self):
        return {**super().setup(), "idle_seconds": self.centre.kiosk_idle_seconds}

    def _centre(self, centre_id=None):
        # the tablet's address already named its centre (found by its secret): no search
        if centre_id and int(centre_id) != self.centre.id:
            raise UserError(self.env._("Choose your centre before scanning."))
        return self.centre

    def check_out(self, attendance_id, centre_id=None, pickup_id=None, partner_id=None, **other):
        if not (pickup_id or partner_id) or other.get("other_name"):
            raise UserError(
                self.env._(
                    "On the entrance tablet a child goes home only with an adult on the "
                    "child's list. A teacher records another adult on the phone."
                )
            )
        return super().check_out(
            attendance_id, centre_id=centre_id, pickup_id=pickup_id, partner_id=partner_id
        )


class SmartKidsKiosk(http.Controller):
    def _centre(self, token):
        if not token or not isinstance(token, str) or len(token) > 64:
            raise request.not_found()
        centre = (
            request.env["smart_kids.centre"].sudo().search([("kiosk_token", "=", token)], limit=1)
        )
        if not centre:
            raise request.not_found()
        return centre

    def _lang(self):
        return KIOSK_LANG if request.env["res.lang"]._lang_get(KIOSK_LANG) else request.env.lang

    @http.route("/smart_kids/kiosk/<string:token>", type="http", auth="public")
    def kiosk_page(self, token):
        centre = self._centre(token)
        return request.render(
            "smart_kids.kiosk_page",
            {
                "kiosk_info": {"token": token, "centre_name": centre.name},
                "kiosk_lang": py_to_js_locale(self._lang() or "en_US"),
            },
        )

    @http.route(
        "/smart_kids/kiosk/<string:token>/photo/<string:kind>/<int:record_id>",
        type="http",
        auth="public",
    )
    def kiosk_photo(self, token, kind, record_id):
        centre = self._centre(token)
        if kind not in KIOSK_PHOTOS:
            raise request.not_found()
        record = request.env[KIOSK_PHOTOS[kind]].sudo().browse(record_id).exists()
        if kind == "guardian":
            # a contact's photo only as the guardian of a child of this centre
            at_centre = (
                request.env["smart_kids.child.guardian"]
                .sudo()
                .search_count(
                    [("partner_id", "=", record.id), ("child_id.centre_id", "=", centre.id)],
                    limit=1,
                )
            )
            if not record or not at_centre:
                raise request.not_found()
        elif record.centre_id != centre:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_image_stream_from(
                record, "image_256", placeholder="smart_kids/static/description/icon.png"
            )
            .get_response()
        )

    @http.route("/smart_kids/kiosk/checkin/<string:action>", type="json", auth="public")
    def kiosk_checkin(self, action, token=None, **params):
        centre = self._centre(token)
        kinds = {model: kind for kind, model in KIOSK_PHOTOS.items()}

        def photo_url(record, _field):
            return f"/smart_kids/kiosk/{token}/photo/{kinds[record._name]}/{record.id}"

        env = request.env(su=True, context=dict(request.env.context, lang=self._lang()))
        service = KioskCheckinService(env, centre.with_env(env), photo_url)
        return service.run(action, params)
