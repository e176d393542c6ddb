"""Guardians hear of the van on LINE: on board, dropped at home, and at once when the van is
late with their child on board (a safety message), in Thai, through the fake LINE server."""

import json

from freezegun import freeze_time

from odoo.tests import HttpCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import at
from odoo.addons.smart_kids.tests.common import recent_monday
from odoo.addons.smart_kids_line.tests.common import FAKE
from odoo.addons.smart_kids_line.tests.common import LineCommon
from odoo.addons.smart_kids_transport.tests.common import TransportCommon
from odoo.addons.smart_kids_transport.tests.common import van

DAY = recent_monday()


@tagged("post_install", "-at_install")
class TestVansOnLine(HttpCase, LineCommon, TransportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpLine()
        cls.setUpVans()
        cls.sister.write(
            {
                "line_consent": True,
                "line_consent_date": "2026-01-05",
                "line_consent_partner_id": cls.guardian.id,
            }
        )
        cls.Message = cls.env["smart_kids.line.message"]
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(
            ["smart_kids_line", "smart_kids_transport_line"], ["th_TH"]
        )
        cls.guardian.lang = "th_TH"

    def setUp(self):
        super().setUp()
        self.reset_server()

    def _texts(self, key_prefix):
        messages = self.Message.search([("dedupe_key", "like", f"{key_prefix}%")])
        return messages, [json.loads(m.payload)[0]["text"] for m in messages]

    def test_siblings_boarding_together_get_one_message_and_mali_none(self):
        with freeze_time(at(DAY, 6, 50)):
            trip = self._start()
            self._scan(trip, self.child_1.card_payload)
            self._scan(trip, self.sister.card_payload)
        messages, texts = self._texts("van_boarded:")
        self.assertEqual(len(messages), 1, "siblings on one van: one message")
        self.assertEqual(messages.child_ids, self.child_1 | self.sister)
        self.assertIn("ขึ้นรถรับส่ง", texts[0])
        self.assertIn("06:50", texts[0])
        self.send_all()
        self.assertEqual(messages.state, "sent")
        self.assertEqual(len(self.server.deliveries(FAKE.PUSH)), 1)

    def test_a_late_van_is_a_safety_message_to_the_guardians_of_children_on_board(self):
        with freeze_time(at(DAY, 6, 50)):
            trip = self._start()
            self._scan(trip, self.child_1.card_payload)
        with freeze_time(at(DAY, 8, 15)):
            self.env["smart_kids.van.trip"]._cron_check_overdue()
        messages, texts = self._texts("van_overdue:")
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.priority, "0", "safety first")
        self.assertEqual(messages.child_ids, self.child_1, "the sister never boarded")
        self.assertIn("0811111111", texts[0])

    def test_dropped_at_home_names_the_adult(self):
        self.env["smart_kids.attendance"].create(
            {
                "child_id": self.child_1.id,
                "centre_id": self.centre_1.id,
                "date": DAY,
                "check_in": at(DAY, 7, 45),
            }
        )
        with freeze_time(at(DAY, 15, 0)):
            trip = self._start(self.afternoon)
            self._scan(trip, self.child_1.card_payload)
            van(self.user_teacher, "van_unload", trip_id=trip["id"])
        with freeze_time(at(DAY, 15, 40)):
            self._scan(trip, self.child_1.card_payload)
            van(
                self.user_teacher,
                "van_drop",
                trip_id=trip["id"],
                child_id=self.child_1.id,
                pickup_id=self.pickup.id,
            )
        _messages, texts = self._texts("van_dropped:")
        self.assertEqual(len(texts), 1)
        self.assertIn("Grandma Bua", texts[0])
        self.assertIn("15:40", texts[0])
