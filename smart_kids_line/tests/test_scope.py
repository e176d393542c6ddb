"""LINE links and groups hold the same scope as the core: nobody routes a child's messages
to their own LINE, links a group to another centre or prints another centre's link slip."""

import logging

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.smart_kids.tests.common import JsonRpcAccess
from odoo.addons.smart_kids.tests.scope_attack import ScopeAttack

from .common import LineCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestLineScope(HttpCase, LineCommon, JsonRpcAccess, ScopeAttack):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpLine()
        env = cls.env
        cls.channel_far = env["smart_kids.line.channel"].create(
            {
                "name": "Far OA",
                "access_token": "far-token",
                "channel_secret": "far-secret",
                "api_host": cls.server.url,
                "centre_ids": [Command.set(cls.centre_4.ids)],
            }
        )
        cls.guardian_far = env["res.partner"].create({"name": "Far Guardian"})
        cls.child_4.guardian_ids = [Command.create({"partner_id": cls.guardian_far.id})]
        cls.group = env["smart_kids.line.group"].create(
            {"channel_id": cls.channel.id, "group_id": "C-own", "centre_id": cls.centre_1.id}
        )
        cls.group_far = env["smart_kids.line.group"].create(
            {"channel_id": cls.channel_far.id, "group_id": "C-far", "centre_id": cls.centre_4.id}
        )
        cls.guardian.action_new_line_link_code()
        cls.own = {
            "smart_kids.line.group": cls.group,
            "smart_kids.line.link.code": cls.guardian.line_link_code_ids[:1],
            "smart_kids.line.channel": cls.channel,
        }
        cls.targets = {
            "smart_kids.centre": cls.centre_4,
            "smart_kids.child": cls.child_4,
            "smart_kids.line.channel": cls.channel_far,
            "smart_kids.line.group": cls.group_far,
            "res.partner": cls.guardian_far,
        }

    def test_generated_re_pointing_is_refused(self):
        roles = (self.user_teacher, self.user_head, self.user_executive, self.user_province)
        attempts = self._run_scope_attack("smart_kids_line", self.own, self.targets, roles)
        _logger.info("scope attack on smart_kids_line: %s re-pointing attempts", attempts)
        self.assertGreaterEqual(attempts, 20)

    def test_line_links_come_only_from_the_link_code(self):
        for vals in (
            {"line_user_id": "U-teacher-own-phone"},
            {"line_link_active": True, "line_channel_id": self.channel.id},
        ):
            self._assert_refused(self.user_teacher, "res.partner", "write", self.guardian.ids, vals)
        self._assert_refused(
            self.user_teacher,
            "res.partner",
            "create",
            {"name": "Fake parent", "line_user_id": "U-teacher-own-phone"},
        )
        self.guardian.invalidate_recordset()
        self.assertEqual(self.guardian.line_user_id, "U-guardian")
        # other details of the guardian stay editable by the teacher
        self._execute(
            self.user_teacher, "res.partner", "write", self.guardian.ids, {"mobile": "0811111111"}
        )
        # an administrator may repair a link by hand
        self.guardian.with_user(self.user_admin).line_user_id = "U-repaired"
        self.assertEqual(self.guardian.line_user_id, "U-repaired")

    def test_link_codes_are_made_and_read_by_the_guardians_teachers_only(self):
        for user in (self.user_executive, self.user_province, self.user_internal):
            self._assert_refused(
                user, "res.partner", "action_new_line_link_code", self.guardian.ids
            )
        self._assert_refused(
            self.user_teacher, "res.partner", "action_new_line_link_code", self.guardian_far.ids
        )
        code = self.guardian.line_link_code_ids[:1]
        self._assert_refused(
            self.user_executive, "smart_kids.line.link.code", "read", code.ids, ["code"]
        )
        self.assertEqual(
            self._execute(
                self.user_teacher, "smart_kids.line.link.code", "read", code.ids, ["code"]
            )[0]["code"],
            code.code,
        )

    def test_a_head_links_groups_to_their_own_centre_only(self):
        self._assert_refused(
            self.user_head,
            "smart_kids.line.group",
            "write",
            self.group.ids,
            {"centre_id": self.centre_4.id},
        )
        self._assert_refused(
            self.user_head,
            "smart_kids.line.group",
            "write",
            self.group.ids,
            {"channel_id": self.channel_far.id},
        )
        self._execute(
            self.user_head,
            "smart_kids.line.group",
            "write",
            self.group.ids,
            {"centre_id": self.centre_1.id},
        )

    def test_link_slips_print_for_the_teachers_own_guardians_only(self):
        Report = self.env["ir.actions.report"]
        html, _type = Report.with_user(self.user_teacher)._render_qweb_html(
            "smart_kids_line.line_link_slip", self.guardian.ids
        )
        self.assertIn(self.guardian.line_link_code_ids[:1].code, html.decode())
        self.guardian_far.action_new_line_link_code()
        for user, partner in (
            (self.user_teacher, self.guardian_far),
            (self.user_executive, self.guardian),
            (self.user_internal, self.guardian),
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Report.with_user(user)._render_qweb_html(
                    "smart_kids_line.line_link_slip", partner.ids
                )

    def test_a_foreign_check_in_sends_no_message(self):
        self.child_3.write(
            {
                "line_consent": True,
                "line_consent_date": "2026-01-05",
                "line_consent_partner_id": self.guardian.id,
            }
        )
        Message = self.env["smart_kids.line.message"]
        before = Message.search_count([])
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/smart_kids/kiosk/checkin/scan",
                {"token": self.centre_1.kiosk_token, "payload": self.child_3.card_payload},
            )
        self._assert_refused(
            self.user_teacher,
            "smart_kids.attendance",
            "create",
            {
                "child_id": self.child_3.id,
                "centre_id": self.centre_1.id,
                "date": "2026-11-02",
                "check_in": "2026-11-02 00:30:00",
            },
        )
        self.assertEqual(Message.search_count([]), before, "no 'arrived' message to anyone")
