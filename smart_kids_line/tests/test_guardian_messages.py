import base64
import hashlib
import hmac
import io
import json
import uuid
from datetime import timedelta

from PIL import Image

from odoo import fields
from odoo.tests import tagged

from .common import FAKE
from .common import LineCase


@tagged("post_install", "-at_install")
class TestGuardianMessages(LineCase):
    """Parents answer on LINE: their messages reach the centre, the teachers' replies go back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.url = f"/smart_kids_line/webhook/{cls.channel.webhook_token}"
        cls.teacher_partner = cls.user_teacher.partner_id
        # teachers read their Odoo inbox (no mail server in tests)
        staff = cls.centre_1._teacher_users()
        staff.notification_type = "inbox"

    def _send(self, message, user_id="U-guardian"):
        self._send_event({"type": "message", "message": message}, user_id)

    def _send_event(self, extra, user_id):
        event = {
            "mode": "active",
            "timestamp": 1700000000000,
            "webhookEventId": uuid.uuid4().hex[:26].upper(),
            "deliveryContext": {"isRedelivery": False},
            "source": {"type": "user", "userId": user_id},
            "replyToken": "reply-" + uuid.uuid4().hex,
            **extra,
        }
        raw = json.dumps({"destination": "Ubot", "events": [event]}).encode()
        signature = base64.b64encode(hmac.new(b"test-secret", raw, hashlib.sha256).digest())
        response = self.url_open(
            self.url,
            data=raw,
            headers={"Content-Type": "application/json", "X-Line-Signature": signature.decode()},
        )
        self.assertEqual(response.status_code, 200)
        self.env["smart_kids.line.webhook.event"]._cron_process()

    def _from_guardian(self):
        return self.child_1.message_ids.filtered(lambda m: m.author_id == self.guardian)

    def test_text_sticker_and_photo_reach_the_centre(self):
        self._send({"type": "text", "id": "1", "text": "น้องไอเมื่อคืน ขอให้ครูช่วยดูด้วยค่ะ"})
        posted = self._from_guardian()
        self.assertEqual(len(posted), 1)
        self.assertIn("น้องไอเมื่อคืน", posted.body)
        self.assertIn(self.guardian.name, posted.body, "the guardian is named")
        self.assertIn(self.teacher_partner, posted.partner_ids, "in the teachers' inbox")
        self.assertTrue(
            posted.notification_ids.filtered(lambda n: n.res_partner_id == self.teacher_partner)
        )
        replies = [r for r in self.server.requests if r[1] == FAKE.REPLY]
        self.assertEqual(len(replies), 1, "the guardian hears that the centre has it")
        # as the teacher sees it
        self.assertIn(posted, self.child_1.with_user(self.user_teacher).message_ids)

        self._send({"type": "sticker", "id": "2", "packageId": "446", "stickerId": "1988"})
        self.assertEqual(len(self._from_guardian()), 2)

        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
        self.server.contents["3"] = buffer.getvalue()
        self._send({"type": "image", "id": "3"})
        photo = self._from_guardian()[:1]
        self.assertEqual(photo.attachment_ids.raw, buffer.getvalue(), "the photo itself")

    def test_an_unlinked_sender_is_not_taken_for_a_guardian(self):
        self._send({"type": "text", "id": "4", "text": "hello"}, user_id="U-stranger")
        self.assertFalse(
            self.child_1.message_ids.filtered(lambda m: "hello" in (m.body or "")),
            "a stranger's text is a (wrong) link code, not a message to a centre",
        )

    def test_teachers_message_goes_back_on_line_a_note_does_not(self):
        child = self.child_1.with_user(self.user_teacher)
        child.message_post(
            body="ครูดูแลให้แล้วค่ะ ไม่มีไข้", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        child.message_post(
            body="internal note", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        messages = self.env["smart_kids.line.message"].search(
            [("partner_id", "=", self.guardian.id)]
        )
        self.assertEqual(len(messages), 1)
        text = json.loads(messages.payload)[0]["text"]
        self.assertIn("ครูดูแลให้แล้วค่ะ", text)
        self.assertIn(self.centre_1.name, text)
        self.send_all()
        self.assertEqual(messages.state, "sent")

    def _postback(self, data, user_id="U-guardian"):
        self._send_event({"type": "postback", "postback": {"data": data}}, user_id)

    def _alert(self, child):
        case = self.env["smart_kids.unaccounted.case"].create(
            {"child_id": child.id, "centre_id": child.centre_id.id, "date": fields.Date.today()}
        )
        self.env["smart_kids.hooks"]._emit("unaccounted_opened", case)
        message = self.env["smart_kids.line.message"].search(
            [("dedupe_key", "like", f"unaccounted:{case.id}:%")]
        )
        items = json.loads(message.payload)[0]["quickReply"]["items"]
        return case, {item["action"]["data"].rsplit(":", 1)[1]: item for item in items}

    def test_alert_quick_replies_record_the_guardians_answer(self):
        case, buttons = self._alert(self.child_1)
        self.assertEqual(set(buttons), {"sick", "leave", "on_the_way"})
        # a stranger's tap does nothing
        self._postback(buttons["sick"]["action"]["data"], user_id="U-stranger")
        self.assertEqual(case.state, "open")

        self._postback(buttons["sick"]["action"]["data"])
        self.assertEqual((case.state, case.resolution), ("resolved", "absent"))
        self.assertEqual(case.answered_by_id, self.guardian, "the guardian is the source")
        absence = self.env["smart_kids.absence"].search([("child_id", "=", self.child_1.id)])
        self.assertEqual(absence.reason, "sick")
        self.assertIn(self.guardian.name, absence.note)
        self.assertEqual(len([r for r in self.server.requests if r[1] == FAKE.REPLY]), 1)

        late = self._child(
            self.centre_1,
            "Late",
            line_consent=True,
            line_consent_date="2026-01-05",
            line_consent_partner_id=self.guardian.id,
        )
        case, buttons = self._alert(late)
        escalation_before = case._escalation_due_at()
        self._postback(buttons["on_the_way"]["action"]["data"])
        self.assertEqual(case.state, "open", "held, not closed: the child is not here yet")
        self.assertTrue(case.on_the_way_at)
        self.assertGreaterEqual(case._escalation_due_at(), escalation_before)
        self.assertEqual(
            case._escalation_due_at() - case.on_the_way_at,
            timedelta(minutes=self.centre_1.escalation_delay),
            "the escalation waits again from the guardian's answer",
        )
