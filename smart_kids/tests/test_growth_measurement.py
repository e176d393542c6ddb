import csv
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from odoo.addons.smart_kids.models.smart_kids_growth_measurement import doh_category

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
