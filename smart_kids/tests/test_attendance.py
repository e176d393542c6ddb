from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SmartKidsCase
from .common import at
from .common import checkin
from .common import recent_monday

DAY = recent_monday()
MORNING = at(DAY, 7, 50)


@tagged("post_install", "-at_install")
class TestAttendance(SmartKidsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Attendance = cls.env["smart_kids.attendance"].with_user(cls.user_teacher)
        cls.pickup = cls.env["smart_kids.child.pickup"].create(
            {"child_id": cls.child_1.id, "name": "Grandma Bua", "relationship": "grandmother"}
        )

    def _scan(self, payload=None, centre=None):
        return checkin(
            self.user_teacher,
            "scan",
            centre_id=(centre or self.centre_1).id,
            payload=self.child_1.card_payload if payload is None else payload,
        )

    def _assert_refused(self, message, payload, centre=None):
        count = self.env["smart_kids.attendance"].search_count([])
        with self.assertRaisesRegex(UserError, message):
            self._scan(payload, centre)
        self.assertEqual(self.env["smart_kids.attendance"].search_count([]), count)

    def test_symptoms_are_the_symptom_fields_everywhere(self):
        """Declaring a symptom_* field is all it takes: the form, the screens' buttons (in
        the screen's setup) and the summaries follow."""
        Attendance = self.env["smart_kids.attendance"]
        keys = [key for key, _label in Attendance._symptoms()]
        self.assertEqual(keys[:3], ["fever", "cough", "runny_nose"])
        self.assertEqual(len(keys), len(set(keys)))
        arch = Attendance.get_views([(False, "form")])["views"]["form"]["arch"]
        for key in keys:
            self.assertIn(f'name="symptom_{key}"', arch)
        setup = checkin(self.user_teacher, "setup")
        self.assertEqual([key for key, _label in setup["symptoms"]], keys)
        scanned = self._scan()
        attendance = Attendance.browse(scanned["attendance_id"])
        attendance.with_user(self.user_teacher).record_arrival(health={"symptoms": keys[-1:]})
        self.assertEqual(attendance._health_summary(), Attendance._symptoms()[-1][1])

    def test_card_token_is_random_and_not_the_id(self):
        self.assertTrue(self.child_1.card_payload.startswith("SK1:"))
        self.assertNotIn(str(self.child_1.id), self.child_1.card_payload[4:8])
        self.assertGreaterEqual(len(self.child_1.qr_token), 24)
        self.assertNotEqual(self.child_1.qr_token, self.child_2.qr_token)
        with self.assertRaises(AccessError):
            self.child_1.with_user(self.user_executive).read(["qr_token"])

    @freeze_time(MORNING)
    def test_check_in_then_double_scan(self):
        result = self._scan()
        self.assertEqual(result["status"], "checked_in")
        self.assertEqual(result["check_in"], "07:50")
        self.assertEqual(result["child"]["name"], self.child_1.name)
        attendance = self.env["smart_kids.attendance"].browse(result["attendance_id"])
        self.assertEqual(attendance.check_in_user_id, self.user_teacher)
        self.assertEqual(attendance.date, DAY)
        with freeze_time(at(DAY, 7, 52)):
            again = self._scan()
        self.assertEqual(again["status"], "already_in")
        self.assertEqual(again["message"], "Already checked in at 07:50")
        self.assertEqual(
            self.env["smart_kids.attendance"].search_count([("child_id", "=", self.child_1.id)]), 1
        )

    @freeze_time(MORNING)
    def test_refused_cards_write_nothing(self):
        self._assert_refused("not a valid Smart Kids card", "garbage")
        self._assert_refused("not a valid Smart Kids card", "")
        self._assert_refused("another centre", self.child_2.card_payload)
        old = self.child_1.card_payload
        self.child_1.with_user(self.user_head).action_reissue_card()
        self._assert_refused("has been replaced", old)
        self.assertEqual(self._scan(self.child_1.card_payload)["status"], "checked_in")
        withdrawn = self._child(self.centre_1, "Gone", state="withdrawn")
        self._assert_refused("not enrolled", withdrawn.card_payload)

    @freeze_time(at(DAY, 6, 40))
    def test_an_early_finding_is_todays_for_a_teacher_without_a_time_zone(self):
        # 06:40 in Thailand is still the day before in UTC, the zone of a user with none set
        self.user_teacher.tz = False
        attendance = self.Attendance.browse(self._scan()["attendance_id"])
        self.assertEqual(attendance.date, DAY)
        attendance.record_arrival(health={"temperature": 38.5})
        child = self.child_1.with_user(self.user_teacher)
        self.assertTrue(child.health_alert)
        self.assertIn(child, child.search([("health_alert", "=", True)]))

    def test_only_heads_reissue_cards(self):
        with self.assertRaises(AccessError):
            self.child_1.with_user(self.user_teacher).action_reissue_card()

    @freeze_time(MORNING)
    def test_arrival_details_and_health_screen(self):
        result = self._scan()
        attendance = self.Attendance.browse(result["attendance_id"])
        attendance.record_arrival(arrival_mode="van", health={})
        self.assertEqual(attendance.arrival_mode, "van")
        self.assertTrue(attendance.health_screened)
        self.assertFalse(attendance.health_abnormal)
        self.assertFalse(self.child_1.activity_ids)

        result = checkin(
            self.user_teacher,
            "arrival",
            centre_id=self.centre_1.id,
            attendance_id=attendance.id,
            health={
                "temperature": 38.2,
                "symptoms": ["cough", "hand_foot_blisters"],
                "notes": "tired",
            },
        )
        self.assertTrue(result["health_abnormal"])
        self.assertTrue(self.child_1.health_alert)
        self.assertIn(
            self.child_1, self.env["smart_kids.child"].search([("health_alert", "=", True)])
        )
        activity = self.child_1.activity_ids
        self.assertEqual(activity.user_id, self.user_head, "the centre head is alerted")
        self.assertIn("38.2", activity.note)
        with (
            self.assertRaisesRegex(ValidationError, "not a body temperature"),
            self.env.cr.savepoint(),
        ):
            attendance.record_arrival(health={"temperature": 98.6}, replace_findings=True)
        with self.assertRaisesRegex(UserError, "Unknown symptom"):
            attendance.record_arrival(health={"symptoms": ["sneeze"]}, replace_findings=True)
        attendance.invalidate_recordset()
        # saved findings are not erased by one more tap on "normal": the screen asks first
        with self.assertRaisesRegex(UserError, "already saved"):
            checkin(
                self.user_teacher,
                "arrival",
                centre_id=self.centre_1.id,
                attendance_id=attendance.id,
                health={},
            )
        self.assertEqual(attendance.temperature, 38.2)
        self.assertIn("38.2", self._scan()["health_findings"], "shown on the card")
        checkin(
            self.user_teacher,
            "arrival",
            centre_id=self.centre_1.id,
            attendance_id=attendance.id,
            health={},
            replace_findings=True,
        )
        self.assertFalse(attendance.health_abnormal)
        # the correction is on the record: who, and the temperature before and after; the
        # first recording wrote no message
        self.env.cr.precommit.run()  # tracking is written when the transaction commits
        messages = attendance.sudo().message_ids.filtered("tracking_value_ids")
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.author_id, self.user_teacher.partner_id)
        change = messages.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "temperature"
        )
        self.assertEqual((change.old_value_float, change.new_value_float), (38.2, 0.0))

    def test_each_adult_once_with_relationship_and_an_unlisted_hand_over_shows(self):
        """The guardian entered again as a pickup adult is one button; the roster says who
        took the child home, and flags an adult not on the list."""
        self.env["smart_kids.child.pickup"].create(
            {
                "child_id": self.child_1.id,
                "name": f"  {self.guardian.name.upper()} ",
                "relationship": "mother",
            }
        )
        with freeze_time(MORNING):
            attendance = self.Attendance.browse(self._scan()["attendance_id"])
        with freeze_time(at(DAY, 15, 30)):
            collectors = self._scan()["collectors"]
            self.assertEqual(
                [(c["name"], c["relationship"]) for c in collectors],
                [(self.guardian.name, "Mother"), ("Grandma Bua", "Grandmother")],
            )
            attendance.check_out_child(other_name="Uncle Tong", reason="The mother phoned")
            roster = checkin(self.user_teacher, "roster", centre_id=self.centre_1.id)
        arrived = {c["id"]: c for c in roster["arrived"]}[self.child_1.id]
        self.assertEqual(
            (arrived["collector"], arrived["collector_unlisted"]), ("Uncle Tong", True)
        )

    def test_check_out_with_authorised_and_other_adult(self):
        with freeze_time(MORNING):
            attendance = self.Attendance.browse(self._scan()["attendance_id"])
        with freeze_time(at(DAY, 15, 30)):  # 15:30 local
            result = self._scan()
            self.assertEqual(result["status"], "check_out")
            names = [c["name"] for c in result["collectors"]]
            self.assertIn("Grandma Bua", names)
            self.assertIn(self.guardian.name, names)
            with self.assertRaisesRegex(UserError, "needs their name and a reason"):
                attendance.check_out_child(other_name="Uncle Tong")
            self.assertFalse(attendance.check_out, "nothing written")
            done = checkin(
                self.user_teacher,
                "check_out",
                centre_id=self.centre_1.id,
                attendance_id=attendance.id,
                pickup_id=self.pickup.id,
            )
        self.assertEqual(done["status"], "already_out")
        self.assertEqual(done["check_out"], "15:30")
        self.assertEqual(attendance.collector_name, "Grandma Bua")
        self.assertFalse(attendance.collector_unauthorised)
        with freeze_time(at(DAY, 15, 40)):
            self.assertEqual(self._scan()["message"], "Already checked out at 15:30")

        with freeze_time(MORNING):
            other = self._scan(self._child(self.centre_1, "Nok").card_payload)
        other = self.Attendance.browse(other["attendance_id"])
        with freeze_time(at(DAY, 16, 0)):
            other.check_out_child(other_name="Uncle Tong", reason="mother phoned")
        self.assertTrue(other.collector_unauthorised)
        self.assertEqual(other.override_reason, "mother phoned")
        self.assertEqual(other.child_id.activity_ids.user_id, self.user_head)

    @freeze_time(MORNING)
    def test_search_fallback_and_scope(self):
        result = checkin(
            self.user_teacher, "scan_child", centre_id=self.centre_1.id, child_id=self.child_1.id
        )
        self.assertEqual(result["status"], "checked_in")
        newcomer = self._child(self.centre_1, "Newcomer")
        with self.assertRaises(AccessError):
            checkin(
                self.user_executive, "scan_child", centre_id=self.centre_1.id, child_id=newcomer.id
            )
        with self.assertRaisesRegex(UserError, "Choose your centre"):
            self._scan(self.child_4.card_payload, self.centre_4)
        self.assertFalse(
            self.env["smart_kids.attendance"].search([("child_id", "=", self.child_4.id)])
        )

    @freeze_time(MORNING)
    def test_absence_and_roster(self):
        self._child(self.centre_1, "Bee")
        self._scan()
        kid = self.env["smart_kids.child"].search([("first_name", "=", "Bee")])
        roster = checkin(self.user_teacher, "roster", centre_id=self.centre_1.id)
        self.assertEqual([c["name"] for c in roster["arrived"]], [self.child_1.name])
        self.assertEqual([c["id"] for c in roster["missing"]], kid.ids)
        self.env["smart_kids.absence"].with_user(self.user_teacher).create(
            {"child_id": kid.id, "reason": "sick", "date": DAY}
        )
        roster = checkin(self.user_teacher, "roster", centre_id=self.centre_1.id)
        self.assertFalse(roster["missing"])
        self.assertEqual(roster["absent"][0]["reason"], "Sick")
        with self.assertRaisesRegex(ValidationError, "was checked in that day"):
            self.env["smart_kids.absence"].create(
                {"child_id": self.child_1.id, "reason": "leave", "date": DAY}
            )

    def test_teacher_record_links_centres(self):
        self.assertEqual(
            self.env["smart_kids.centre"].with_user(self.user_teacher).search([]), self.centre_1
        )
        self.teacher.centre_ids = [Command.link(self.centre_2.id)]
        self.assertEqual(
            self.env["smart_kids.centre"].with_user(self.user_teacher).search([]),
            self.centre_1 | self.centre_2,
        )
