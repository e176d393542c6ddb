from datetime import timedelta

from odoo.tests import TransactionCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    """The demo database (loaded in the test database) shows every screen in use: one
    exemplary centre, one lagging, an evaluation round under way, parents' answers."""

    def test_demo_has_a_month_a_round_and_parents_answers(self):
        exemplary = self.env.ref("smart_kids.centre_mueang")
        heads_centre = self.env.ref("smart_kids.centre_non_sa_at")
        lagging = self.env.ref("smart_kids.centre_non_sa_at_2")
        Day = self.env["smart_kids.centre.day"]

        since = exemplary._today() - timedelta(days=30)

        def current_days(centre):
            # the last 30 days, as the Trends screen opens
            days = Day.search(
                [("centre_id", "=", centre.id), ("is_open", "=", True), ("date", ">=", since)]
            )
            return len(days.filtered("is_current")), len(days)

        current, open_days = current_days(exemplary)
        self.assertGreaterEqual(open_days, 15)
        self.assertGreaterEqual(current / open_days, 0.8)
        lagging_current, lagging_open = current_days(lagging)
        self.assertLess(lagging_current / lagging_open, 0.5)

        evaluations = self.env["smart_kids.evaluation"].search(
            [("round_id.area_id", "=", self.ref("smart_kids.area_nong_bua_lam_phu"))]
        )
        by_centre = {evaluation.centre_id: evaluation for evaluation in evaluations}
        self.assertEqual(by_centre[exemplary].state, "done")
        self.assertGreaterEqual(by_centre[exemplary].stars, 1)
        self.assertEqual(by_centre[heads_centre].state, "submitted")
        self.assertEqual(by_centre[lagging].state, "draft")

        Result = self.env["smart_kids.satisfaction.result"]
        shown = Result.search([("centre_id", "=", exemplary.id)])
        self.assertGreaterEqual(shown.response_count, 5)
        self.assertTrue(shown.enough_responses)
        too_few = Result.search([("centre_id", "=", lagging.id)])
        self.assertFalse(too_few.enough_responses)
