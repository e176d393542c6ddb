import csv
from datetime import date
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from odoo.addons.smart_kids.models.smart_kids_growth_measurement import bmi_category
from odoo.addons.smart_kids.models.smart_kids_growth_measurement import doh_category
from odoo.addons.smart_kids.models.who_reference_2007 import who2007_zscores

from .common import SmartKidsCase

# WHO tables are rounded to 0.1 kg / 0.1 cm: a tabulated value lands within this of its SD.
TABLE_ROUNDING = 0.06
# WHO medians (weight kg, height cm) by sex and age in months, from the same tables.
MEDIANS = {
    ("male", "36"): (14.3, 96.1),
    ("female", "36"): (13.9, 95.1),
    ("male", "48"): (16.3, 103.3),
}
MEASURED = date.today() - relativedelta(days=10)
SEXES = {"1": "male", "2": "female"}


def lms_z(value, L, M, S):
    return ((value / M) ** L - 1) / (L * S)


@tagged("post_install", "-at_install")
class TestGrowthMeasurement(SmartKidsCase):
    def _measure(self, child, weight, height, measured=MEASURED):
        return self.env["smart_kids.growth.measurement"].create(
            {"child_id": child.id, "date": measured, "weight": weight, "height": height}
        )

    def _child_aged(self, sex, months):
        return self._child(
            self.centre_2,
            f"{sex}{months}",
            title="boy" if sex == "male" else "girl",
            birth_date=MEASURED - relativedelta(months=months),
        )

    def _child_aged_days(self, sex, days):
        return self._child(
            self.centre_2,
            f"{sex}{days}d",
            title="boy" if sex == "male" else "girl",
            birth_date=MEASURED - timedelta(days=days),
        )

    def test_who_2007_reference_matches_who_results(self):
        """WHO's own z-scores for the sample survey it ships with its WHO 2007 software
        (anthroplus), every child up to 120 months: all three indices, to the hundredth."""
        path = file_path("smart_kids/tests/data/who2007_survey_zscores.csv")
        with open(path, encoding="utf-8") as table:
            rows = [row for row in csv.DictReader(table) if row["weight"] and row["height"]]
        compared = 0
        for row in rows:
            scores = who2007_zscores(
                SEXES[row["sex"]], float(row["agemons"]), float(row["weight"]), float(row["height"])
            )
            for indicator in ("hfa", "wfa", "bfa"):
                expected = row["z" + indicator]
                with self.subTest(row=row, indicator=indicator):
                    self.assertEqual(scores[indicator], float(expected) if expected else None)
                compared += 1
        self.assertGreaterEqual(compared, 750)
        # WHO's own check just after 60 months (anthroplus tests): a girl at 60.32 months
        self.assertEqual(
            who2007_zscores("female", 60.32, 18.7, 113.8),
            {"hfa": 0.96, "wfa": 0.21, "bfa": -0.58, "flagged": False},
        )

    def test_after_60_months_the_who_2007_reference(self):
        # the audit's case: a boy of 63 months, 100 cm and 14 kg is stunted (WHO 2007: -2.44)
        boy = self._child_aged_days("male", 1918)
        measure = self._measure(boy, 14.0, 100.0)
        self.assertEqual(measure.growth_reference, "who_2007")
        self.assertAlmostEqual(measure.z_height_for_age, -2.44, delta=0.01)
        self.assertEqual(measure.height_for_age, "low")
        self.assertTrue(measure.needs_attention)
        self.assertFalse(measure.weight_for_height, "WHO has no weight-for-height after 60 months")
        self.assertEqual(measure.bmi_for_age, "normal")
        # both sides of 60 months (1,826 days): the same girl a day apart. WHO built the 2007
        # reference to join the 2006 standards there; the two still differ by up to ~0.07 SD.
        before = self._measure(self._child_aged_days("female", 1826), 18.0, 109.0)
        after = self._measure(self._child_aged_days("female", 1827), 18.0, 109.0)
        self.assertEqual(
            (before.growth_reference, after.growth_reference), ("who_2006", "who_2007")
        )
        self.assertAlmostEqual(before.z_height_for_age, after.z_height_for_age, delta=0.1)
        self.assertAlmostEqual(before.z_weight_for_age, after.z_weight_for_age, delta=0.1)
        self.assertTrue(before.weight_for_height and not before.bmi_for_age)
        self.assertTrue(after.bmi_for_age and not after.weight_for_height)
        # a 70-month boy far too heavy for his height is flagged on BMI-for-age
        heavy = self._measure(self._child_aged_days("male", 2130), 30.0, 112.0)
        self.assertEqual(heavy.bmi_for_age, "obese")
        self.assertTrue(heavy.needs_attention)

    def test_length_height_switch_at_731_days(self):
        """WHO: without the measuring position, a child under 731 days was measured lying:
        the length standard, no 0.7 cm correction, weight-for-length."""
        # WHO expanded tables, boys: length-for-age day 730 L 1, M 87.8018, S 0.03479;
        # height-for-age day 731 L 1, M 87.1303, S 0.03508; weight-for-length 86.0 cm
        # L -0.3521, M 11.7444, S 0.08145
        on_730 = self._measure(self._child_aged_days("male", 730), 12.0, 86.0)
        on_731 = self._measure(self._child_aged_days("male", 731), 12.0, 86.0)
        self.assertAlmostEqual(
            on_730.z_height_for_age, lms_z(86.0, 1, 87.8018, 0.03479), delta=0.005
        )
        self.assertAlmostEqual(
            on_731.z_height_for_age, lms_z(86.0, 1, 87.1303, 0.03508), delta=0.005
        )
        self.assertAlmostEqual(
            on_730.z_weight_for_height, lms_z(12.0, -0.3521, 11.7444, 0.08145), delta=0.005
        )

    def test_z_scores_match_who_tables(self):
        path = file_path("smart_kids/tests/data/who_growth_standards.csv")
        with open(path, encoding="utf-8") as table:
            rows = list(csv.reader(line for line in table if not line.startswith("#")))
        self.assertGreaterEqual(len(rows), 50)
        children = {}
        for indicator, sex, months, height, sd, value in rows:
            child = children.get((sex, months)) or children.setdefault(
                (sex, months), self._child_aged(sex, int(months))
            )
            value, sd = float(value), float(sd)
            # hold the other measure at its median so only the tabulated one moves
            median_weight, median_height = MEDIANS[(sex, months)]
            if indicator == "wfa":
                measure, z = self._measure(child, value, median_height), "z_weight_for_age"
            elif indicator == "hfa":
                measure, z = self._measure(child, median_weight, value), "z_height_for_age"
            else:
                measure, z = self._measure(child, value, float(height)), "z_weight_for_height"
            with self.subTest(indicator=indicator, sex=sex, months=months, sd=sd):
                self.assertAlmostEqual(measure[z], sd, delta=TABLE_ROUNDING)

    def test_department_of_health_categories(self):
        boy = self._child_aged("male", 36)
        # 11.3 kg at 90 cm is about -1.7 SD weight-for-height: "somewhat thin"
        thin = self._measure(boy, 11.3, 90.0)
        self.assertEqual(thin.weight_for_height, "fairly_low")
        self.assertTrue(thin.needs_attention)
        wasted = self._measure(boy, 10.2, 90.0)
        self.assertEqual(wasted.weight_for_height, "low")
        normal = self._measure(boy, 14.3, 96.1)
        self.assertEqual(
            (normal.weight_for_age, normal.height_for_age, normal.weight_for_height),
            ("normal", "normal", "normal"),
        )
        self.assertFalse(normal.needs_attention)
        obese = self._measure(boy, 17.5, 90.0)
        self.assertEqual(obese.weight_for_height, "very_high")
        self.assertIn(boy.last_growth_id, thin | wasted | normal | obese)

    def test_boundaries_are_stated(self):
        self.assertEqual(doh_category(-2.0), "fairly_low")
        self.assertEqual(doh_category(-2.01), "low")
        self.assertEqual(doh_category(-1.5), "normal")
        self.assertEqual(doh_category(1.5), "normal")
        self.assertEqual(doh_category(1.51), "fairly_high")
        self.assertEqual(doh_category(2.0), "fairly_high")
        self.assertEqual(doh_category(3.0), "high")
        self.assertEqual(doh_category(3.0, with_obese=True), "high")
        self.assertEqual(doh_category(3.01, with_obese=True), "very_high")
        self.assertEqual(doh_category(3.01), "high", "weight/height-for-age have no 'obese' band")
        self.assertFalse(doh_category(None))
        # WHO 2007 BMI-for-age cut-offs for school age
        self.assertEqual(bmi_category(-2.01), "thin")
        self.assertEqual(bmi_category(-2.0), "normal")
        self.assertEqual(bmi_category(1.0), "normal")
        self.assertEqual(bmi_category(1.01), "overweight")
        self.assertEqual(bmi_category(2.01), "obese")

    def test_implausible_measurements_are_refused(self):
        boy = self._child_aged("male", 36)
        Measure = self.env["smart_kids.growth.measurement"]
        for weight, height in ((140.0, 95.0), (14.0, 9.5), (40.0, 95.0)):
            with self.subTest(weight=weight, height=height):
                with self.assertRaises(ValidationError), self.env.cr.savepoint():
                    self._measure(boy, weight, height)
        self.assertFalse(Measure.search([("child_id", "=", boy.id)]), "nothing written")
        with self.assertRaisesRegex(ValidationError, "before the birth date"):
            self._measure(boy, 14.0, 96.0, measured=MEASURED - relativedelta(years=4))
