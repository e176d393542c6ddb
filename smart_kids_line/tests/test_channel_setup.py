from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import LineCase


@tagged("post_install", "-at_install")
class TestChannelSetup(LineCase):
    """An administrator connects an OA without knowing the API: the test button says whether
    LINE accepts the token, and why not; the slips then name the OA and carry its QR code."""

    def setUp(self):
        super().setUp()
        # the setup of LineCase points the channel at the fake LINE; make it new again
        self.channel.write({"access_token": "test-token"})

    def test_new_channel_is_not_shown_as_working_until_tested(self):
        self.assertEqual(self.channel.connection_state, "untested")
        self.channel.access_token = "dummy-token"
        with mute_logger("urllib3.connectionpool"):
            self.channel.action_test_connection()
        self.assertEqual(self.channel.connection_state, "failed")
        self.assertIn("access token", self.channel.connection_message)
        self.assertFalse(self.channel.bot_basic_id)

    def test_working_token_names_the_oa_and_gives_its_add_friend_qr(self):
        self.channel.action_test_connection()
        self.assertEqual(self.channel.connection_state, "ok")
        self.assertEqual(self.channel.bot_name, "ศพด.บ้านโนนสะอาด")
        self.assertEqual(self.channel.add_friend_url, "https://line.me/R/ti/p/%40123abcde")
        self.assertTrue(self.channel.add_friend_qr)
        # changing the token means testing again
        self.channel.access_token = "another-token"
        self.assertEqual(self.channel.connection_state, "untested")

    def test_only_administrators_test_the_connection(self):
        for user in (self.user_teacher, self.user_head, self.user_province):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.channel.with_user(user).action_test_connection()
        self.assertEqual(self.channel.connection_state, "untested", "nothing written")

    def test_unreachable_line_says_so(self):
        self.channel.api_host = "http://127.0.0.1:9"  # nothing listens there
        self.channel.action_test_connection()
        self.assertEqual(self.channel.connection_state, "failed")
        self.assertIn("could not be reached", self.channel.connection_message)

    def test_webhook_address_must_be_public_https(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("web.base.url", "http://localhost:8069")
        self.channel.invalidate_recordset()
        self.assertFalse(self.channel.webhook_url_is_public)
        Param.set_param("web.base.url", "https://smartkids.example.go.th")
        self.channel.invalidate_recordset()
        self.assertTrue(self.channel.webhook_url_is_public)

    def test_link_slip_names_the_oa_with_its_qr_code(self):
        self.channel.action_test_connection()
        self.guardian.action_new_line_link_code()
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_teacher)
            ._render_qweb_html("smart_kids_line.line_link_slip", self.guardian.ids)
        )
        html = html.decode()
        self.assertIn("ศพด.บ้านโนนสะอาด", html)
        self.assertIn("@123abcde", html)
        self.assertIn("data:image/png;base64,", html)
        expires = self.guardian.line_link_code_ids[:1].expires_at
        self.assertIn(str(expires.year + 543), html, "the slip's date in B.E.")

    def test_link_slip_from_the_childs_guardians(self):
        """A teacher prints a guardian's slip from the child's form, not the contact form."""
        self.guardian.line_link_active = False
        line = self.child_1.guardian_ids.filtered(lambda g: g.partner_id == self.guardian)
        action = line.with_user(self.user_teacher).action_print_line_link_slip()
        self.assertEqual(action["report_name"], "smart_kids_line.line_link_slip")
        self.assertTrue(self.guardian.line_link_code_ids.filtered(lambda c: not c.used_at))
        self.guardian.line_link_active = True
        with self.assertRaisesRegex(UserError, "already linked"):
            line.with_user(self.user_teacher).action_print_line_link_slip()
