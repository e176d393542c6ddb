import base64
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SmartKidsCommon
from .common import assert_secret_unique


@tagged("post_install", "-at_install")
class TestKiosk(HttpCase, SmartKidsCommon):
    """The entrance tablet reaches one centre through its secret, and nothing else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpSmartKids()
        cls.token = cls.centre_1.kiosk_token
        # an entrance tablet speaks Thai once Thai is installed
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(["smart_kids"], ["th_TH"])

    def _call(self, route, token=None, **params):
        return self.make_jsonrpc_request(
            f"/smart_kids/kiosk/checkin/{route}", {"token": token or self.token, **params}
        )

    def test_tokens_are_secret_and_distinct(self):
        self.assertGreaterEqual(len(self.token), 32)
        self.assertNotEqual(self.token, self.centre_2.kiosk_token)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.centre_1.with_user(self.user_teacher).read(["kiosk_token"])
        assert_secret_unique(self, self.centre_1, self.centre_2, "kiosk_token")

    def test_page_needs_the_right_token(self):
        self.assertEqual(self.url_open(f"/smart_kids/kiosk/{self.token}").status_code, 200)
        self.assertEqual(self.url_open("/smart_kids/kiosk/wrong-token").status_code, 404)

    def test_scan_is_scoped_to_the_centre(self):
        result = self._call("scan", payload=self.child_1.card_payload)
        self.assertEqual(result["status"], "checked_in")
        photo = result["child"]["image_url"]
        self.assertIn(f"/smart_kids/kiosk/{self.token}/photo/child/", photo)
        self.assertEqual(self.url_open(photo).status_code, 200)
        # the choices come in Thai, whatever the tablet's browser says
        setup = self._call("setup")
        self.assertEqual(setup["centres"], [{"id": self.centre_1.id, "name": self.centre_1.name}])
        self.assertIn(["van", "รถรับส่ง"], setup["arrival_modes"])
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("scan", payload=self.child_2.card_payload)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("scan_child", child_id=self.child_4.id)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("scan", centre_id=self.centre_2.id, payload=self.child_2.card_payload)
        other, _status = (
            self.env["smart_kids.attendance"].sudo()._scan_child(self.centre_2, self.child_2)
        )
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("arrival", attendance_id=other.id, arrival_mode="van")
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("absent", child_id=self.child_2.id, reason="sick")
        self.assertEqual(
            self.url_open(
                f"/smart_kids/kiosk/{self.token}/photo/child/{self.child_4.id}"
            ).status_code,
            404,
        )

    def test_kiosk_offers_only_the_gate_tasks(self):
        """Whoever holds the tablet: no roster, absences, name search or picking a child by
        id, and a child goes home only with an adult on their list."""
        for action, params in (
            ("roster", {}),
            ("absent", {"child_id": self.child_1.id, "reason": "sick"}),
            ("search", {"text": "Test"}),
            ("scan_child", {"child_id": self.child_1.id}),
        ):
            with self.subTest(action=action):
                with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
                    self._call(action, **params)
        self.assertFalse(
            self.env["smart_kids.absence"].search([("child_id", "=", self.child_1.id)])
        )
        attendance = self._call("scan", payload=self.child_1.card_payload)["attendance_id"]
        self._call("arrival", attendance_id=attendance, arrival_mode="walk")
        with mute_logger("odoo.http"):
            answer = self.url_open(
                "/smart_kids/kiosk/checkin/check_out",
                data=json.dumps(
                    {
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {
                            "token": self.token,
                            "attendance_id": attendance,
                            "other_name": "Stranger",
                            "reason": "says so",
                        },
                    }
                ),
                headers={"Content-Type": "application/json"},
            ).json()
        # what the tablet shows, in Thai
        self.assertIn("ผู้ใหญ่ที่อยู่ในรายชื่อ", answer["error"]["data"]["message"])
        record = self.env["smart_kids.attendance"].browse(attendance)
        self.assertFalse(record.check_out, "nothing written")
        guardian = self.child_1.guardian_ids.partner_id[:1]
        self._call("check_out", attendance_id=attendance, partner_id=guardian.id)
        self.env.invalidate_all()
        self.assertTrue(record.check_out)
        self.assertEqual(self._call("setup")["idle_seconds"], 20)

    def test_kiosk_address_as_a_qr_code_says_when_it_is_not_public(self):
        head_view = self.centre_1.with_user(self.user_head)
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("web.base.url", "http://localhost:8069")
        self.assertFalse(head_view.kiosk_url_is_public)
        Param.set_param("web.base.url", "https://smartkids.example.go.th")
        self.centre_1.invalidate_recordset()
        self.assertTrue(head_view.kiosk_url_is_public)
        self.assertTrue(head_view.kiosk_url.startswith("https://smartkids.example.go.th/"))
        self.assertEqual(base64.b64decode(head_view.kiosk_qr)[:8], b"\x89PNG\r\n\x1a\n")

    def test_regenerated_token_locks_out_the_old_tablet(self):
        old = self.token
        self.centre_1.with_user(self.user_head).action_regenerate_kiosk_token()
        self.assertNotEqual(self.centre_1.kiosk_token, old)
        self.assertEqual(self.url_open(f"/smart_kids/kiosk/{old}").status_code, 404)
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self._call("scan", token=old, payload=self.child_1.card_payload)

    def test_kiosk_tour(self):
        self.child_1.qr_token = "kiosk-card-0001"
        self.centre_1.kiosk_idle_seconds = 2
        self.start_tour(f"/smart_kids/kiosk/{self.token}", "smart_kids_kiosk")
        attendance = self.env["smart_kids.attendance"].search([("child_id", "=", self.child_1.id)])
        self.assertTrue(attendance.health_screened)
        self.assertFalse(
            attendance.check_in_user_id.has_group("base.group_user"), "no personal login"
        )

    def test_an_administrator_creates_a_centre_with_its_own_tablet_secret(self):
        """The audit's admin could not create a centre at all (the server's secret was taken
        for the user's); nobody may choose the secret either."""
        Centre = self.env["smart_kids.centre"].with_user(self.user_admin)
        centre = Centre.create({"name": "New Centre", "lao_id": self.lao_1.id})
        self.assertEqual(len(centre.sudo().kiosk_token), 32)
        with self.assertRaises(AccessError):
            Centre.create({"name": "Chosen", "lao_id": self.lao_1.id, "kiosk_token": "x" * 32})
