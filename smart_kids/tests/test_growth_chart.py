from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import tagged

from .common import SmartKidsCase
from .common import recent_monday

DAY = recent_monday()


@tagged("post_install", "-at_install")
class TestGrowthChart(SmartKidsCase):
    def test_chart_shows_the_bands_and_the_childs_points(self):
        child = self._child(self.centre_1, "Chart", birth_date=DAY - relativedelta(months=40))
        self.assertFalse(child.growth_chart_weight, "no measurement, no chart")
        child.growth_ids = [
            Command.create({"date": DAY - relativedelta(months=m), "weight": w, "height": h})
            for m, w, h in ((12, 12.2, 89.0), (6, 13.0, 92.5), (0, 14.1, 96.0))
        ]
        chart = str(child.growth_chart_weight)
        self.assertTrue(chart.startswith("<svg"))
        self.assertEqual(chart.count('class="o_sk_point"'), 3, "one dot per measurement")
        self.assertEqual(chart.count("<polygon"), 3, "the -3/+3, -2/+2 and -1.5/+1.5 bands")
        self.assertIn("Weight for age (kg)", chart)
        self.assertEqual(str(child.growth_chart_height).count('class="o_sk_point"'), 3)
        wfh = str(child.growth_chart_weight_for_height)
        self.assertEqual(wfh.count('class="o_sk_point"'), 3, "by height: 89, 92.5 and 96 cm")
        self.assertIn(">120<", wfh, "the height axis runs to 120 cm")
        # the form shows it
        arch = child.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="growth_chart_weight"', arch)

    def test_after_sixty_months_scored_and_on_the_chart(self):
        child = self._child(self.centre_1, "Older", birth_date=DAY - relativedelta(months=66))
        child.growth_ids = [
            Command.create({"date": DAY - relativedelta(months=10), "weight": 15.0, "height": 101}),
            Command.create({"date": DAY, "weight": 14.0, "height": 100.0}),
        ]
        early, late = child.growth_ids.sorted("date")
        self.assertEqual((early.growth_reference, late.growth_reference), ("who_2006", "who_2007"))
        self.assertTrue(late.who_scored, "66 months: the WHO 2007 reference")
        self.assertEqual(late.height_for_age, "low", "100 cm at 66 months is stunted")
        self.assertAlmostEqual(late.age_months, 66, delta=0.5, msg="the age is still the child's")
        height_chart = str(child.growth_chart_height)
        self.assertEqual(height_chart.count('class="o_sk_point"'), 2, "both, up to 72 months")
        self.assertIn(">6<", height_chart, "the age axis runs to 6 years")
        self.assertEqual(
            str(child.growth_chart_weight_for_height).count('class="o_sk_point"'),
            2,
            "weight-for-height is by height: both points",
        )
