"""The entrance tablet: check-in without a personal login, like hr_attendance's kiosk.

Every route takes the centre's secret kiosk token; the work is done as superuser but only
ever on that centre and its children, and through the same methods the teachers' screen
uses, so the same checks apply.
"""

from odoo import fields
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import py_to_js_locale

# The kiosk speaks Thai when Thai is installed, whatever the public user's language.
KIOSK_LANG = "th_TH"


class SmartKidsKiosk(http.Controller):
    def _centre(self, token):
        if not token or len(token) > 64:
            raise request.not_found()
        centre = (
            request.env["smart_kids.centre"].sudo().search([("kiosk_token", "=", token)], limit=1)
        )
        if not centre:
            raise request.not_found()
        return centre

    def _attendance(self, centre, attendance_id):
        attendance = request.env["smart_kids.attendance"].sudo().browse(int(attendance_id)).exists()
        if attendance.centre_id != centre:
            raise UserError(request.env._("This record does not belong to this centre."))
        return attendance

    def _child(self, centre, child_id):
        child = request.env["smart_kids.child"].sudo().browse(int(child_id)).exists()
        if child.centre_id != centre:
            raise UserError(request.env._("This child was not found."))
        return child

    def _with_photo_urls(self, token, data):
        """Point child photos at the kiosk's own photo route (the public user has no access)."""
        for child in [data.get("child")] if isinstance(data, dict) else []:
            if child:
                child["image_url"] = f"/smart_kids/kiosk/{token}/photo/{child['id']}"
        if isinstance(data, dict):
            for key in ("arrived", "absent", "missing"):
                for child in data.get(key, []):
                    child["image_url"] = f"/smart_kids/kiosk/{token}/photo/{child['id']}"
        return data

    @http.route("/smart_kids/kiosk/<string:token>", type="http", auth="public")
    def kiosk_page(self, token):
        centre = self._centre(token)
        lang = KIOSK_LANG if request.env["res.lang"]._lang_get(KIOSK_LANG) else request.env.lang
        return request.render(
            "smart_kids.kiosk_page",
            {
                "kiosk_info": {"token": token, "centre_name": centre.name},
                "kiosk_lang": py_to_js_locale(lang or "en_US"),
            },
        )

    @http.route("/smart_kids/kiosk/<string:token>/photo/<int:child_id>", type="http", auth="public")
    def kiosk_photo(self, token, child_id):
        centre = self._centre(token)
        child = request.env["smart_kids.child"].sudo().browse(child_id).exists()
        if child.centre_id != centre:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_image_stream_from(
                child, "image_256", placeholder="smart_kids/static/description/icon.png"
            )
            .get_response()
        )

    @http.route("/smart_kids/kiosk/centre", type="json", auth="public")
    def kiosk_centre(self, token):
        centre = self._centre(token)
        return [{"id": centre.id, "name": centre.name}]

    @http.route("/smart_kids/kiosk/roster", type="json", auth="public")
    def kiosk_roster(self, token):
        return self._with_photo_urls(token, self._centre(token).get_roster())

    @http.route("/smart_kids/kiosk/scan", type="json", auth="public")
    def kiosk_scan(self, token, payload):
        centre = self._centre(token)
        result = request.env["smart_kids.attendance"].sudo().scan_card(centre.id, payload)
        return self._with_photo_urls(token, result)

    @http.route("/smart_kids/kiosk/scan_child", type="json", auth="public")
    def kiosk_scan_child(self, token, child_id):
        centre = self._centre(token)
        child = self._child(centre, child_id)
        result = request.env["smart_kids.attendance"].sudo().scan_child(centre.id, child.id)
        return self._with_photo_urls(token, result)

    @http.route("/smart_kids/kiosk/search", type="json", auth="public")
    def kiosk_search(self, token, text):
        return self._centre(token).search_children(text)

    @http.route("/smart_kids/kiosk/arrival", type="json", auth="public")
    def kiosk_arrival(self, token, attendance_id, arrival_mode=None, health=None):
        attendance = self._attendance(self._centre(token), attendance_id)
        result = attendance.record_arrival(arrival_mode=arrival_mode, health=health)
        return self._with_photo_urls(token, result)

    @http.route("/smart_kids/kiosk/check_out", type="json", auth="public")
    def kiosk_check_out(
        self, token, attendance_id, pickup_id=None, partner_id=None, other_name=None, reason=None
    ):
        attendance = self._attendance(self._centre(token), attendance_id)
        result = attendance.check_out_child(
            pickup_id=pickup_id, partner_id=partner_id, other_name=other_name, reason=reason
        )
        return self._with_photo_urls(token, result)

    @http.route("/smart_kids/kiosk/absent", type="json", auth="public")
    def kiosk_absent(self, token, child_id, reason, note=None):
        centre = self._centre(token)
        child = self._child(centre, child_id)
        absence = (
            request.env["smart_kids.absence"]
            .sudo()
            .create(
                {
                    "child_id": child.id,
                    "reason": reason,
                    "note": note or False,
                    "date": centre._local_date(fields.Datetime.now()),
                }
            )
        )
        return absence.id
