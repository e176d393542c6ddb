import base64
import io

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from PIL import Image

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SmartKidsCase
from .common import at
from .common import checkin
from .common import recent_monday

DAY = recent_monday()


def _photo(width=4000, height=3000):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "green").save(buffer, "JPEG")
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestLunchAndActivities(SmartKidsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.milk = cls.env.ref("smart_kids.allergen_milk")
        cls.child_1.allergy_ids = [
            Command.create({"allergen_id": cls.milk.id, "severity": "severe"})
        ]
        cls.second = cls._child(cls.centre_1, "Second")
        with freeze_time(at(DAY, 7, 45)):
            for child in cls.child_1 | cls.second:
                checkin(
                    cls.user_teacher, "scan", centre_id=cls.centre_1.id, payload=child.card_payload
                )

    def _lunch(self, dishes, **vals):
        return (
            self.env["smart_kids.lunch"]
            .with_user(self.user_teacher)
            .create(
                {
                    "centre_id": self.centre_1.id,
                    "date": DAY,
                    "dish_ids": [Command.set(dishes.ids)],
                    **vals,
                }
            )
        )

    def test_lunch_totals_servings_and_allergy_warning(self):
        rice = self.env.ref("smart_kids.dish_rice")
        soup = self.env.ref("smart_kids.dish_clear_soup_chicken")
        milk = self.env.ref("smart_kids.dish_milk")
        lunch = self._lunch(rice | soup | milk)
        self.assertEqual(lunch.served_count, 2, "defaults to the children checked in")
        self.assertEqual(lunch.present_count, 2)
        self.assertIn(self.child_1.name, lunch.allergy_warning)
        self.assertIn(milk.name, lunch.allergy_warning)
        self.assertNotIn("Second", lunch.allergy_warning)
        self.assertIn("307.0", lunch.nutrition_summary, "117 + 60 + 130 kcal")
        targets = lunch._lunch_targets()
        # two three-year-old boys: 30 % of 1,050 kcal and of 16 g protein
        self.assertAlmostEqual(targets["energy"], 315.0)
        self.assertAlmostEqual(targets["protein"], 4.8)
        lunch.served_count = 5
        self.assertEqual(lunch.served_count, 5, "the teacher may correct the count")
        safe = self.env["smart_kids.lunch"].create(
            {"centre_id": self.centre_2.id, "date": DAY, "dish_ids": [Command.set(rice.ids)]}
        )
        self.assertFalse(safe.allergy_warning)

    def test_targets_use_the_childrens_age_on_the_lunch_date(self):
        older = self._child(
            self.centre_2,
            "Older",
            birth_date=DAY - relativedelta(years=4, days=10),
            enrolment_date=DAY - relativedelta(years=1),
        )
        self.child_2.enrolment_date = DAY - relativedelta(years=1)
        rice = self.env.ref("smart_kids.dish_rice")

        def energy_target(day):
            lunch = self.env["smart_kids.lunch"].create(
                {"centre_id": self.centre_2.id, "date": day, "dish_ids": [Command.set(rice.ids)]}
            )
            return lunch._lunch_targets()["energy"]

        # a month ago Older was 47 months (1-3 years: 1,050 kcal), like Kla
        self.assertAlmostEqual(energy_target(DAY - relativedelta(months=1)), 315.0)
        # today he is 48 months (4-5 years: 1,290 kcal): 30 % of the two children's mean
        self.assertAlmostEqual(energy_target(DAY), 0.3 * (1050 + 1290) / 2)
        self.assertEqual(older._age_months_on(DAY), 48)

    def test_photos_are_resized_and_know_their_children(self):
        lunch = self._lunch(self.env.ref("smart_kids.dish_rice"))
        photo = (
            self.env["smart_kids.photo"]
            .with_user(self.user_teacher)
            .create(
                {
                    "lunch_id": lunch.id,
                    "image": _photo(),
                    "child_ids": [Command.set(self.child_1.ids)],
                }
            )
        )
        self.assertEqual(photo.centre_id, self.centre_1)
        with Image.open(io.BytesIO(base64.b64decode(photo.image))) as stored:
            self.assertLessEqual(max(stored.size), 1920)
        self.assertFalse(photo.shareable, "child 1 has no photo consent")
        self.assertIn(self.child_1.display_name, photo.consent_missing, "it says who")
        self.child_1.write(
            {
                "photo_consent": True,
                "photo_consent_date": DAY,
                "photo_consent_partner_id": self.guardian.id,
            }
        )
        photo.invalidate_recordset(["shareable", "consent_missing"])
        self.assertTrue(photo.shareable)
        self.assertFalse(photo.consent_missing)

    def test_activity_takes_present_children(self):
        activity = (
            self.env["smart_kids.day.activity"]
            .with_user(self.user_teacher)
            .create(
                {
                    "name": "Planting",
                    "development_domain": "physical",
                    "centre_id": self.centre_1.id,
                    "date": DAY,
                }
            )
        )
        self.assertEqual(activity.child_ids, self.child_1 | self.second)

    def test_lunches_are_scoped(self):
        lunch = self._lunch(self.env.ref("smart_kids.dish_rice"))
        other = self.env["smart_kids.lunch"].create({"centre_id": self.centre_4.id, "date": DAY})
        Lunch = self.env["smart_kids.lunch"]
        self.assertIn(lunch, Lunch.with_user(self.user_executive).search([]))
        self.assertNotIn(other, Lunch.with_user(self.user_teacher).search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.user_teacher).read(["date"])
        with self.assertRaises(AccessError):
            lunch.with_user(self.user_executive).write({"cost_per_head": 30})
        with self.assertRaises(AccessError):
            self.env.ref("smart_kids.dish_rice").with_user(self.user_teacher).write({"energy": 1})
