from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests import users
from odoo.tools import mute_logger

from .common import SmartKidsCase

VALID_ID = "1101700230708"  # checksum-valid example ID


@tagged("post_install", "-at_install")
class TestChild(SmartKidsCase):
    def _new_child(self, **vals):
        base = {
            "title": "girl",
            "first_name": "Pim",
            "last_name": "Chanhom",
            "birth_date": fields.Date.today() - relativedelta(years=2, months=7),
            "centre_id": self.centre_1.id,
        }
        base.update(vals)
        return self.env["smart_kids.child"].create(base)

    def _assert_rejected(self, message, **vals):
        Child = self.env["smart_kids.child"]
        before = Child.search_count([])
        with self.assertRaisesRegex(ValidationError, message), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self._new_child(**vals)
        self.assertEqual(Child.search_count([]), before, "nothing may be written")

    @users("sk_head")
    def test_register_child_as_centre_head(self):
        child = self._new_child(national_id="1-1017-00230-70-8", nickname="  Pim  ")
        self.assertEqual(child.national_id, VALID_ID, "separators are stripped")
        self.assertEqual(child.name, "Pim Chanhom")
        self.assertEqual(child.display_name, "Pim Chanhom (Pim)")
        self.assertEqual(child.sex, "female", "the prefix เด็กหญิง implies the sex")
        self.assertEqual(child.state, "enrolled")
        self.assertEqual(child.age_months, 31)
        self.assertEqual(child.age_display, "2 y 7 m")

    def test_invalid_national_id_is_refused(self):
        self._assert_rejected("not a valid Thai national ID", national_id="1101700230706")
        self._assert_rejected("not a valid Thai national ID", national_id="12345")
        # no category 9, even with a correct check digit
        self._assert_rejected("not a valid Thai national ID", national_id="9067123456789")
        self._assert_rejected("not a valid Thai national ID", national_id="0067123456784")

    def test_ids_of_people_without_thai_registration_are_accepted(self):
        """DOPA gives IDs starting with 0 to people without Thai registration status (e.g.
        children of migrant workers): valid with their check digit, like every category."""
        child = self._new_child(national_id="0-0671-23456-78-5")
        self.assertEqual(child.national_id, "0067123456785")
        self.assertEqual(
            self.env["smart_kids.child"].search([("national_id", "=", "0067123456785")]), child
        )

    def test_birth_date_limits(self):
        today = self.centre_1._today()  # the rule's day, whatever the hour of the run
        self._assert_rejected("is in the future", birth_date=today + relativedelta(days=1))
        self._assert_rejected(
            "more than 7 years", birth_date=today - relativedelta(years=7, days=1)
        )
        child = self._new_child(birth_date=today - relativedelta(years=7))
        self.assertTrue(child, "exactly seven years is still accepted")

    def test_duplicate_in_same_centre_is_refused(self):
        self._new_child(national_id=VALID_ID)
        self._assert_rejected("already registered", national_id=VALID_ID, first_name="Other")
        self._assert_rejected("already registered", first_name="pim")  # same name and birth date
        other_centre = self._new_child(national_id=VALID_ID, centre_id=self.centre_2.id)
        self.assertTrue(other_centre, "the same child may be on record in another centre")

    def test_classroom_must_belong_to_centre(self):
        room = self.env["smart_kids.classroom"].create(
            {"name": "Big", "centre_id": self.centre_2.id}
        )
        self._assert_rejected("does not belong", classroom_id=room.id)

    def test_consent_needs_date_and_guardian(self):
        self._assert_rejected("needs the date and the guardian", photo_consent=True)
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        self._assert_rejected(
            "is not a guardian",
            photo_consent=True,
            photo_consent_date=fields.Date.today(),
            photo_consent_partner_id=stranger.id,
        )
        child = self._new_child(
            guardian_ids=[
                Command.create({"partner_id": self.guardian.id, "relationship": "mother"})
            ],
            line_consent=True,
            line_consent_date=fields.Date.today(),
            line_consent_partner_id=self.guardian.id,
        )
        self.assertTrue(child.line_consent)

    def test_food_allergens_are_structured(self):
        milk = self.env.ref("smart_kids.allergen_milk")
        mites = self.env.ref("smart_kids.allergen_dust_mite")
        child = self._new_child(
            allergy_ids=[
                Command.create({"allergen_id": milk.id, "severity": "severe"}),
                Command.create({"allergen_id": mites.id}),
            ]
        )
        self.assertEqual(child.food_allergen_ids, milk, "only food allergens matter to lunches")

    def test_home_map_link(self):
        child = self._new_child(home_latitude=16.9772, home_longitude=102.266)
        self.assertIn("16.9772000,102.2660000", child.home_map_url)
        self._assert_rejected("Latitude must be", home_latitude=95.0, first_name="Far")

    @freeze_time("2026-06-01")
    def test_enrolment_actions(self):
        child = self._new_child()
        child.with_user(self.user_head).action_withdraw()
        self.assertEqual(child.state, "withdrawn")
        self.assertEqual(child.leaving_date, fields.Date.to_date("2026-06-01"))
        child.with_user(self.user_head).action_enrol()
        self.assertEqual(child.state, "enrolled")
        self.assertFalse(child.leaving_date)

    def test_guardian_single_primary(self):
        other = self.env["res.partner"].create({"name": "Father"})
        with self.assertRaisesRegex(ValidationError, "only one primary"):
            self._new_child(
                guardian_ids=[
                    Command.create({"partner_id": self.guardian.id, "is_primary": True}),
                    Command.create({"partner_id": other.id, "is_primary": True}),
                ]
            )

    def test_area_levels_are_enforced(self):
        with self.assertRaisesRegex(ValidationError, "must be placed under"):
            self._area("Wrong", "lao", self.lao_1)
        with self.assertRaisesRegex(ValidationError, "must be placed under"):
            self.env["smart_kids.centre"].create({"name": "Orphan", "lao_id": self.district_1.id})

    def test_centre_hierarchy_fields(self):
        self.assertEqual(self.centre_1.district_id, self.district_1)
        self.assertEqual(self.centre_1.province_id, self.province)
        self.assertEqual(self.centre_1.area_id.area_type, "centre")
        self.assertEqual(self.centre_1.enrolled_count, 1)
        with self.assertRaisesRegex(ValidationError, "deadline must fall within"):
            self.centre_1.checkin_deadline = 6.0

    def test_teacher_vaccination_checks(self):
        covid = self.env.ref("smart_kids.vaccine_covid19")
        self.teacher.vaccination_ids = [
            Command.create({"vaccine_id": covid.id, "dose": 2, "date": "2021-08-01"})
        ]
        self.assertEqual(self.teacher.vaccination_ids.dose, 2)
        with self.assertRaisesRegex(ValidationError, "does not exist"):
            self.teacher.vaccination_ids = [
                Command.create({"vaccine_id": covid.id, "dose": 9, "date": "2022-01-01"})
            ]
        bcg = self.env.ref("smart_kids.vaccine_bcg")
        with self.assertRaisesRegex(ValidationError, "before the birth date"):
            self.child_1.vaccination_ids = [
                Command.create({"vaccine_id": bcg.id, "date": "2015-01-01"})
            ]
