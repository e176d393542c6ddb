import base64

from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import JsonRpcAccess
from .common import SmartKidsCommon
from .common import password_of
from .test_access_rights import PIXEL

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestAccessOverRpc(HttpCase, SmartKidsCommon, JsonRpcAccess):
    """The same scope holds for a client talking JSON-RPC, not only for the ORM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpSmartKids()
        cls.child_4.image_1920 = PIXEL
        cls.child_1.image_1920 = PIXEL

    def test_external_api_respects_scope(self):
        found = self._execute(
            self.user_teacher, "smart_kids.child", "search_read", [], fields=["name"]
        )
        self.assertEqual([row["id"] for row in found], self.child_1.ids)
        self._assert_denied(
            self.user_teacher, "smart_kids.child", "read", self.child_4.ids, ["name"]
        )
        self._assert_denied(
            self.user_teacher, "smart_kids.child", "write", self.child_2.ids, {"nickname": "x"}
        )
        self._execute(
            self.user_teacher, "smart_kids.child", "write", self.child_1.ids, {"nickname": "ok"}
        )

        found = self._execute(
            self.user_district, "smart_kids.child", "search_read", [], fields=["name"]
        )
        self.assertEqual({row["id"] for row in found}, set((self.child_1 | self.child_2).ids))
        self._assert_denied(
            self.user_district,
            "smart_kids.growth.measurement",
            "create",
            {"child_id": self.child_1.id, "weight": 14, "height": 95},
        )
        self._assert_denied(
            self.user_province, "smart_kids.child", "read", self.child_4.ids, ["name"]
        )
        self._assert_denied(self.user_internal, "smart_kids.child", "search_read", [])

    def test_every_model_is_closed_to_users_out_of_scope(self):
        """A centre in another province: nothing of it can be read or changed over JSON-RPC."""
        far = self._centre_records(self.centre_4, self.child_4)
        for model, (record, vals) in far.items():
            for user in (self.user_teacher, self.user_head, self.user_province, self.user_internal):
                with self.subTest(model=model, user=user.login):
                    self._assert_denied(user, model, "read", record.ids, ["display_name"])
                    self._assert_denied(user, model, "write", record.ids, vals)
        self._execute(self.user_admin, "smart_kids.child", "read", self.child_4.ids, ["name"])

    def test_web_client_rpc_and_images(self):
        self.authenticate("sk_executive", password_of("sk_executive"))
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw/smart_kids.child/web_search_read",
            {
                "model": "smart_kids.child",
                "method": "web_search_read",
                "args": [],
                "kwargs": {"specification": {"name": {}}, "domain": []},
            },
        )
        self.assertEqual(
            {r["id"] for r in result["records"]}, set((self.child_1 | self.child_2).ids)
        )
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/smart_kids.child/write",
                {
                    "model": "smart_kids.child",
                    "method": "write",
                    "args": [self.child_1.ids, {"nickname": "exec"}],
                    "kwargs": {},
                },
            )
        # /web/image answers 200 with a placeholder when access is denied: compare content
        own = self.url_open(f"/web/image/smart_kids.child/{self.child_1.id}/image_128")
        other = self.url_open(f"/web/image/smart_kids.child/{self.child_4.id}/image_128")
        self.assertEqual(own.content, base64.b64decode(self.child_1.image_128))
        self.assertNotEqual(other.content, own.content, "a child out of scope shows no photo")
