import base64
import io
import json
from datetime import timedelta

from PIL import Image

from odoo import Command
from odoo import fields
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import checkin

from .common import FAKE
from .common import LineCase


def _jpeg(width=3000, height=2000):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "blue").save(buffer, "JPEG")
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestRules(LineCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sibling = cls._child(cls.centre_1, "Sibling")
        cls.sibling.write(
            {
                "line_consent": True,
                "line_consent_date": "2026-01-05",
                "line_consent_partner_id": cls.guardian.id,
            }
        )
        cls.group = cls.env["smart_kids.line.group"].create(
            {
                "channel_id": cls.channel.id,
                "group_id": "C-group",
                "centre_id": cls.centre_1.id,
                "member_count": 35,
            }
        )

    def _scan(self, child):
        return checkin(
            self.user_teacher, "scan", centre_id=self.centre_1.id, payload=child.card_payload
        )

    def test_siblings_checked_in_together_get_one_message(self):
        self._scan(self.child_1)
        self._scan(self.sibling)
        messages = self.Message.search([("partner_id", "=", self.guardian.id)])
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.child_ids, self.child_1 | self.sibling)
        text = json.loads(messages.payload)[0]["text"]
        self.assertIn(self.child_1.name, text)
        self.assertIn(self.sibling.name, text)
        self.assertEqual(messages.target, "U-guardian")
        self.assertGreater(
            messages.next_attempt_at, fields.Datetime.now(), "held to merge siblings"
        )
        self.send_all()
        self.assertEqual(messages.state, "sent")
        self.assertEqual(len(self.server.deliveries(FAKE.PUSH)), 1)

    def test_no_consent_or_no_link_no_message(self):
        self.child_1.line_consent = False
        self._scan(self.child_1)
        self.assertFalse(self.Message.search([("child_ids", "in", self.child_1.ids)]))
        self.guardian.line_link_active = False
        self._scan(self.sibling)
        self.assertFalse(self.Message.search([("partner_id", "=", self.guardian.id)]))

    def test_unaccounted_alert_is_a_safety_message(self):
        case = self.env["smart_kids.unaccounted.case"].create(
            {
                "child_id": self.child_1.id,
                "centre_id": self.centre_1.id,
                "date": fields.Date.today(),
            }
        )
        self.env["smart_kids.hooks"]._emit("unaccounted_opened", case)
        message = self.Message.search([("dedupe_key", "like", f"unaccounted:{case.id}:%")])
        self.assertEqual(message.priority, "0")
        self.assertIn(self.child_1.name, json.loads(message.payload)[0]["text"])

    def test_overdue_vaccination_reminder_once_a_month(self):
        """A three-year-old with no vaccination recorded: the guardian is reminded, once."""
        Child = self.env["smart_kids.child"]
        for _run in range(2):
            Child._cron_vaccination_reminders()
        messages = self.Message.search([("dedupe_key", "like", f"vaccination:{self.child_1.id}:%")])
        self.assertEqual(len(messages), 1)
        text = json.loads(messages.payload)[0]["text"]
        self.assertIn("has a vaccination overdue", text)
        self.assertIn(self.env.ref("smart_kids.vaccine_mmr").name, text)
        self.send_all()
        self.assertEqual(messages.state, "sent")

    def test_switched_off_rule_sends_nothing(self):
        self.env.ref("smart_kids_line.trigger_check_in").active = False
        self._scan(self.child_1)
        self.assertFalse(self.Message.search([("partner_id", "=", self.guardian.id)]))

    def test_lunch_photos_only_with_everyones_consent(self):
        self.child_1.write(
            {
                "photo_consent": True,
                "photo_consent_date": "2026-01-05",
                "photo_consent_partner_id": self.guardian.id,
            }
        )
        lunch = self.env["smart_kids.lunch"].create(
            {
                "centre_id": self.centre_1.id,
                "date": fields.Date.today(),
                "dish_ids": [Command.set(self.env.ref("smart_kids.dish_rice").ids)],
                "photo_ids": [
                    Command.create(
                        {
                            "image": _jpeg(),
                            "child_ids": [Command.set(self.child_1.ids)],
                            "caption": "consented",
                        }
                    ),
                    Command.create(
                        {
                            "image": _jpeg(),
                            "child_ids": [Command.set((self.child_1 | self.sibling).ids)],
                            "caption": "sibling without photo consent",
                        }
                    ),
                ],
            }
        )
        message = self.Message.search([("line_group_id", "=", self.group.id)])
        self.assertEqual(message.recipients, 35, "a group message costs one per member")
        payload = json.loads(message.payload)
        images = [m for m in payload if m["type"] == "image"]
        self.assertEqual(len(images), 1, "the photo with a non-consenting child is not sent")
        consented = lunch.photo_ids.filtered(lambda p: p.caption == "consented")
        self.assertIn(
            f"/web/image/smart_kids.photo/{consented.id}/image?access_token=",
            images[0]["originalContentUrl"],
        )
        preview = base64.b64decode(consented.image_preview)
        self.assertLessEqual(len(preview), 1024 * 1024)
        with Image.open(io.BytesIO(preview)) as small:
            self.assertLessEqual(max(small.size), 640)
        # the URL works without a session, and only with its token
        self.authenticate(None, None)
        url = images[0]["originalContentUrl"].split("/web/image", 1)[1]
        ok = self.url_open("/web/image" + url)
        self.assertIn(ok.headers.get("Content-Type"), ("image/jpeg", "image/png"))
        bad = self.url_open("/web/image" + url[:-4] + "0000")
        self.assertNotEqual(bad.content, ok.content)
        self.send_all()
        sent = self.server.deliveries(FAKE.PUSH)
        self.assertEqual(sent[0]["to"], "C-group")
        for body in sent:
            for obj in body["messages"]:
                self.assertNotIn(str(lunch.photo_ids[1].id) + "/image", json.dumps(obj))

    def test_lunch_to_all_guardians_of_the_centre_in_one_multicast(self):
        """Without a LINE group, the lunch goes to every linked guardian of the centre whose
        child's guardians agreed to LINE: one multicast request, billed per recipient."""
        self.env.ref("smart_kids_line.trigger_lunch").active = False
        self.env["smart_kids.line.trigger"].create(
            {
                "name": "Lunch to all guardians",
                "event": "lunch_recorded",
                "audience": "centre_guardians",
            }
        )
        Partner = self.env["res.partner"]
        father = Partner.create(
            {
                "name": "Father Dang",
                "line_user_id": "U-father",
                "line_channel_id": self.channel.id,
                "line_link_active": True,
            }
        )
        unlinked = Partner.create({"name": "Aunt Noi"})
        no_consent_parent = Partner.create(
            {
                "name": "Mother Kaew",
                "line_user_id": "U-no-consent",
                "line_channel_id": self.channel.id,
                "line_link_active": True,
            }
        )
        other = self._child(self.centre_1, "Other")
        other.guardian_ids = [
            Command.clear(),
            Command.create({"partner_id": father.id}),
            Command.create({"partner_id": unlinked.id}),
        ]
        other.write(
            {
                "line_consent": True,
                "line_consent_date": "2026-01-05",
                "line_consent_partner_id": father.id,
            }
        )
        refused = self._child(self.centre_1, "Refused")
        refused.guardian_ids = [
            Command.clear(),
            Command.create({"partner_id": no_consent_parent.id}),
        ]
        self.env["smart_kids.lunch"].create(
            {
                "centre_id": self.centre_1.id,
                "date": fields.Date.today(),
                "dish_ids": [Command.set(self.env.ref("smart_kids.dish_rice").ids)],
            }
        )
        message = self.Message.search([("multicast_to", "!=", False)])
        self.assertEqual(len(message), 1)
        # the mother of the two siblings once, the father; not the guardian who refused LINE
        self.assertEqual(json.loads(message.multicast_to), ["U-guardian", "U-father"])
        self.assertEqual(message.recipients, 2)
        self.send_all()
        sent = self.server.deliveries(FAKE.MULTICAST)
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent[0]["to"], ["U-guardian", "U-father"])
        self.assertIn(self.centre_1.name, sent[0]["messages"][0]["text"])
        self.assertFalse(self.server.deliveries(FAKE.PUSH))
        self.assertEqual(self.server.consumption, 2)
        ledger = self.env["smart_kids.line.quota"].search([("channel_id", "=", self.channel.id)])
        self.assertEqual(ledger.used, 2, "the quota counts each recipient, as LINE bills it")

    def test_check_out_and_health_messages(self):
        result = self._scan(self.child_1)
        attendance = self.env["smart_kids.attendance"].browse(result["attendance_id"])
        attendance.record_arrival(health={"temperature": 38.5, "symptoms": ["cough"]})
        health = self.Message.search([("dedupe_key", "like", f"health:{attendance.id}:%")])
        self.assertIn("38.5", json.loads(health.payload)[0]["text"])
        attendance.check_in = fields.Datetime.now() - timedelta(hours=6)
        pickup = self.env["smart_kids.child.pickup"].create(
            {"child_id": self.child_1.id, "name": "Grandpa"}
        )
        attendance.check_out_child(pickup_id=pickup.id)
        out = self.Message.search([("dedupe_key", "like", "check_out:%")])
        self.assertIn("Grandpa", json.loads(out.payload)[0]["text"])

    def test_check_in_message_says_the_health_check(self):
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(
            ["smart_kids", "smart_kids_line"], ["th_TH"]
        )
        result = self._scan(self.child_1)
        message = self.Message.search([("partner_id", "=", self.guardian.id)])
        self.assertNotIn("Health check", json.loads(message.payload)[0]["text"], "not yet done")
        attendance = self.env["smart_kids.attendance"].browse(result["attendance_id"])
        attendance.record_arrival(health={"normal": True})
        self.assertIn("Health check: normal", json.loads(message.payload)[0]["text"])
        # in the guardian's language, and findings when there are some
        self.guardian.lang = "th_TH"
        attendance.record_arrival(health={"temperature": 38.2, "symptoms": ["cough"]})
        text = json.loads(message.payload)[0]["text"]
        self.assertIn("ตรวจสุขภาพ: 38.2 °C", text)
        self.assertIn("ไอ", text)
        # once LINE has it, the message does not change: the health alert tells the rest
        self.send_all()
        self.assertEqual(message.state, "sent")
        attendance.record_arrival(health={"normal": True}, replace_findings=True)
        self.assertIn("38.2", json.loads(message.payload)[0]["text"])
