import base64
import hashlib
import hmac
import json
import uuid

from odoo import Command
from odoo.tests import tagged

from .common import FAKE
from .common import LineCase


@tagged("post_install", "-at_install")
class TestWebhook(LineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Event = cls.env["smart_kids.line.webhook.event"]
        cls.url = f"/smart_kids_line/webhook/{cls.channel.webhook_token}"
        cls.mother = cls.env["res.partner"].create({"name": "Mother Nok"})
        cls.child_2.guardian_ids = [Command.create({"partner_id": cls.mother.id})]

    def _event(self, kind, **extra):
        event = {
            "type": kind,
            "mode": "active",
            "timestamp": 1700000000000,
            "webhookEventId": str(uuid.uuid4()).replace("-", "").upper()[:26],
            "deliveryContext": {"isRedelivery": False},
            "source": {"type": "user", "userId": "U-mother"},
            "replyToken": "reply-" + uuid.uuid4().hex,
        }
        event.update(extra)
        return event

    def _post(self, events, secret="test-secret", body=None, url=None):
        raw = (
            body
            if body is not None
            else json.dumps({"destination": "Ubot", "events": events}).encode()
        )
        signature = base64.b64encode(
            hmac.new(secret.encode(), raw, hashlib.sha256).digest()
        ).decode()
        return self.url_open(
            url or self.url,
            data=raw,
            headers={"Content-Type": "application/json", "X-Line-Signature": signature},
        )

    def test_signed_events_are_stored_once(self):
        event = self._event("follow")
        self.assertEqual(self._post([event]).status_code, 200)
        self.assertEqual(
            self._post([dict(event, deliveryContext={"isRedelivery": True})]).status_code, 200
        )
        self.assertEqual(self.Event.search_count([("channel_id", "=", self.channel.id)]), 1)

    def test_bad_requests_store_nothing(self):
        event = self._event("follow")
        self.assertEqual(self._post([event], secret="wrong").status_code, 401)
        self.assertEqual(self._post([], body=b"not json at all").status_code, 400)
        self.assertEqual(self._post([], body=b'{"events": "nope"}').status_code, 400)
        self.assertEqual(
            self._post([event], url="/smart_kids_line/webhook/unknown").status_code, 404
        )
        unsigned = self.url_open(
            self.url,
            data=json.dumps({"events": [event]}).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(unsigned.status_code, 401)
        self.assertFalse(self.Event.search([("channel_id", "=", self.channel.id)]))

    def test_guardian_links_with_a_code_and_unfollow_unlinks(self):
        self.mother.action_new_line_link_code()
        code = self.mother.line_link_code_ids
        self.assertEqual(len(code.code), 8)
        self._post(
            [
                self._event("follow"),
                self._event(
                    "message",
                    message={"type": "text", "id": "1", "text": f"code {code.code.lower()}"},
                ),
            ]
        )
        self.Event._cron_process()
        self.assertEqual(self.mother.line_user_id, "U-mother")
        self.assertTrue(self.mother.line_link_active)
        self.assertTrue(code.used_at)
        replies = [r for r in self.server.requests if r[1] == FAKE.REPLY]
        self.assertEqual(len(replies), 2, "a welcome and a confirmation, both free replies")
        self.assertIn(self.child_2.name, replies[1][3]["messages"][0]["text"])
        # the code works once
        other = self.env["res.partner"].create({"name": "Someone"})
        self._post(
            [
                self._event(
                    "message",
                    source={"type": "user", "userId": "U-other"},
                    message={"type": "text", "id": "2", "text": code.code},
                )
            ]
        )
        self.Event._cron_process()
        self.assertFalse(other.line_user_id)
        self.assertEqual(self.mother.line_user_id, "U-mother")
        self._post([self._event("unfollow")])
        self.Event._cron_process()
        self.assertFalse(self.mother.line_link_active)

    def test_join_and_leave_groups(self):
        self.server.group_members["C-centre"] = 28
        source = {"type": "group", "groupId": "C-centre"}
        self._post([self._event("join", source=source)])
        self.Event._cron_process()
        group = self.env["smart_kids.line.group"].search([("group_id", "=", "C-centre")])
        self.assertEqual(group.member_count, 28)
        group.with_user(self.user_head).centre_id = self.centre_1
        self._post([self._event("leave", source=source)])
        self.Event._cron_process()
        self.assertFalse(group.active)
