from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SmartKidsCase
from .common import at
from .common import checkin
from .common import recent_monday

MONDAY = recent_monday()


@tagged("post_install", "-at_install")
class TestOutbreakSignal(SmartKidsCase):
    """Three children of one centre with fever within three days raise a signal, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kids = cls.child_1 | cls._child(cls.centre_1, "Bee") | cls._child(cls.centre_1, "Nok")
        cls.Signal = cls.env["smart_kids.outbreak.signal"]

    def _screen(self, child, day, **health):
        with freeze_time(at(day, 7, 40)):
            scan = checkin(
                self.user_teacher, "scan", centre_id=child.centre_id.id, payload=child.card_payload
            )
            checkin(
                self.user_teacher,
                "arrival",
                centre_id=child.centre_id.id,
                attendance_id=scan["attendance_id"],
                health=health,
            )

    def test_three_feverish_children_in_three_days_raise_one_signal(self):
        self._screen(self.kids[0], MONDAY, temperature=38.1)
        self._screen(self.kids[1], MONDAY + timedelta(days=1), symptoms=["fever"])
        # a feverish child at another centre does not count here
        self.env["smart_kids.attendance"].create(
            {
                "child_id": self.child_2.id,
                "centre_id": self.centre_2.id,
                "date": MONDAY + timedelta(days=1),
                "check_in": at(MONDAY + timedelta(days=1), 7, 30),
                "temperature": 38.5,
            }
        )
        self.assertFalse(self.Signal.search([]), "two children are not a signal")
        self._screen(self.kids[2], MONDAY + timedelta(days=2), temperature=37.8)
        signal = self.Signal.search([])
        self.assertEqual((signal.sign, signal.child_count), ("fever", 3))
        self.assertEqual(signal.child_ids, self.kids)
        self.assertEqual(signal.centre_id, self.centre_1)
        alerted = signal.activity_ids.user_id
        self.assertIn(self.user_head, alerted)
        self.assertIn(self.user_executive, alerted)
        # a fourth child the same week does not raise it again
        self._screen(self._child(self.centre_1, "Fah"), MONDAY + timedelta(days=2), temperature=39)
        self.assertEqual(self.Signal.search_count([]), 1)
        # officials of another province do not see it; nobody plants or edits one by hand
        far = self._user("sk_far_exec", "smart_kids.smart_kids_group_lao_executive", self.lao_3)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            signal.with_user(far).read(["centre_id"])
        with self.assertRaises(AccessError):
            signal.with_user(self.user_head).write({"child_count": 1})
        signal.with_user(self.user_head).action_close()
        self.assertEqual(signal.state, "closed")

    def test_spread_over_more_days_than_the_rule_is_no_signal(self):
        for offset, child in enumerate(self.kids):
            self._screen(
                child, MONDAY + timedelta(days=2 * offset), symptoms=["hand_foot_blisters"]
            )
        self.assertFalse(self.Signal.search([]))
