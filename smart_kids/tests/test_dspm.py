from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SmartKidsCase
from .common import recent_monday

DAY = recent_monday()


@tagged("post_install", "-at_install")
class TestDevelopmentScreening(SmartKidsCase):
    """DSPM: children due at the screening ages, a result per domain in a few taps, a
    follow-up date for a suspected delay."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 30 months and a week on DAY: due for the 30-month screening
        cls.toddler = cls._child(
            cls.centre_1, "Toddler", birth_date=DAY - relativedelta(months=30, days=7)
        )
        cls.Screening = cls.env["smart_kids.dspm.screening"].with_user(cls.user_teacher)

    def test_due_then_screened_with_a_delay_and_a_follow_up(self):
        age_30 = self.env.ref("smart_kids.dspm_age_30")
        with freeze_time(DAY):
            self.assertEqual(self.toddler.dspm_due_age_id, age_30)
            due = (
                self.env["smart_kids.child"]
                .with_user(self.user_teacher)
                .search([("dspm_due_age_id", "!=", False)])
            )
            self.assertIn(self.toddler, due)
            self.assertNotIn(self.child_1, due, "38 months: between two screening ages")
            screening = self.Screening.create(
                {
                    "child_id": self.toddler.id,
                    "date": DAY,
                    "result_expressive_language": "delay",
                }
            )
            self.assertEqual(screening.screening_age_id, age_30, "from the age on the day")
            self.assertEqual(screening.outcome, "delay")
            self.assertEqual(screening.follow_up_date, DAY + relativedelta(days=30))
            self.toddler.invalidate_recordset(["dspm_due_age_id"])
            self.assertFalse(self.toddler.dspm_due_age_id, "screened for this age")
        screening.result_expressive_language = "referred"
        self.assertEqual(screening.outcome, "referred")
        self.assertFalse(screening.follow_up_date, "the hospital follows a referred child")

    def test_other_provinces_do_not_see_the_screenings(self):
        screening = self.Screening.create({"child_id": self.toddler.id, "date": DAY})
        far = self._user("sk_far_exec2", "smart_kids.smart_kids_group_lao_executive", self.lao_3)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            screening.with_user(far).read(["outcome"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["smart_kids.dspm.screening"].with_user(self.user_teacher).create(
                {"child_id": self.child_4.id, "date": DAY}
            )
