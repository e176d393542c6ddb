from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import at

from .common import ReportsCommon


@tagged("post_install", "-at_install")
class TestEvaluation(TransactionCase, ReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        cls.round = (
            cls.env["smart_kids.evaluation.round"]
            .with_user(cls.user_district)
            .create(
                {
                    "name": "ประเมินรอบ 1",
                    "area_id": cls.district_1.id,
                    "date_from": cls.week[0],
                    "date_to": cls.week[-1],
                }
            )
        )

    def _evaluation(self, centre):
        return self.round.evaluation_ids.filtered(lambda e: e.centre_id == centre)

    def _line(self, evaluation, code):
        return evaluation.line_ids.filtered(lambda line: line.indicator_id.code == code)

    def test_round_area_picker_says_the_level(self):
        """A province and its capital district share a name: the round's picker tells them
        apart (a round once went to the wrong area)."""
        picker = self.env["smart_kids.area"].with_context(smart_kids_area_level=True)
        names = dict(picker.name_search(self.province.name, limit=10))
        self.assertEqual(names[self.province.id], f"{self.province.name} (Province)")
        self.assertEqual(
            picker.browse(self.lao_1.id).display_name,
            f"{self.lao_1.name} (Local Administrative Organisation)",
        )
        self.assertEqual(self.province.display_name, self.province.name, "elsewhere unchanged")

    def test_twenty_indicators_are_installed_with_thai_names(self):
        indicators = self.env["smart_kids.indicator"].search([])
        self.assertEqual(len(indicators), 20)
        self.assertEqual(
            set(indicators.mapped("method")), {"auto", "evaluator"}, "some measured, some judged"
        )
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(
            ["smart_kids_reports"], ["th_TH"], overwrite=True
        )
        thai = indicators.with_context(lang="th_TH").mapped("name")
        self.assertTrue(all(any("\u0e00" <= ch <= "\u0e7f" for ch in name) for name in thai))

    def test_round_opens_an_evaluation_per_centre_scored_from_the_data(self):
        self.round.action_open()
        self.assertEqual(self.round.evaluation_ids.centre_id, self.centre_1 | self.centre_2)
        full, empty = self._evaluation(self.centre_1), self._evaluation(self.centre_2)
        self.assertEqual(len(full.line_ids), 20)
        for code in ("SK03", "SK05", "SK06", "SK07", "SK08", "SK13"):
            with self.subTest(code=code):
                self.assertEqual(self._line(full, code).auto_score, "5")
                self.assertEqual(self._line(full, code).measured_percent, 100.0)
                if code != "SK05":
                    self.assertEqual(self._line(empty, code).auto_score, "0")
        self.assertFalse(
            self._line(empty, "SK05").measured, "nobody checked in: screens cannot be measured"
        )
        self.assertEqual(self._line(full, "SK03").self_score, "5", "head starts from the data")
        self.assertFalse(self._line(full, "SK15").auto_score, "judged by the evaluator")
        self.assertEqual(full.classification, "incomplete")

    def test_self_assessment_committee_and_stars(self):
        self.round.action_open()
        evaluation = self._evaluation(self.centre_1).with_user(self.user_head)
        judged = evaluation.line_ids.filtered(lambda line: not line.self_score)
        judged.write({"self_score": "4"})
        # the head disagrees with the data where it says "not met" (e.g. no LINE links yet)
        evaluation.line_ids.filtered(lambda line: line.self_score == "0").self_score = "1"
        with self.assertRaisesRegex(UserError, "Attach evidence"):
            evaluation.action_submit()
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.user_head)
            .create({"name": "photo.png", "datas": b"aGVsbG8="})
        )
        for line in evaluation.line_ids.filtered(lambda line: line.indicator_id.evidence_required):
            line.attachment_ids = [Command.link(evidence.id)]
        with self.assertRaisesRegex(UserError, "committee"):
            evaluation.line_ids[:1].committee_score = "5"
        evaluation.action_submit()
        self.assertEqual(evaluation.state, "submitted")
        with self.assertRaisesRegex(UserError, "no longer"):
            evaluation.line_ids[:1].self_score = "1"
        with self.assertRaisesRegex(UserError, "district or province officers"):
            evaluation.action_validate()

        committee = evaluation.with_user(self.user_district)
        self._line(committee, "SK16").committee_score = "2"
        committee.action_validate()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.classification, "complete_current")
        self.assertEqual(evaluation.current_days_percent, 100.0)
        # used Smart Kids for a week only: no stars yet
        self.assertFalse(evaluation.star_eligible)
        self.assertEqual(evaluation.stars, 0)
        with self.assertRaisesRegex(UserError, "no star rating"):
            evaluation.action_print_certificate()

    def test_stars_follow_the_thresholds_after_a_year_of_use(self):
        year_ago = self.week[0] - timedelta(days=400)
        self.env["smart_kids.attendance"].create(
            {
                "child_id": self.child_1.id,
                "centre_id": self.centre_1.id,
                "date": year_ago,
                "check_in": at(year_ago, 7, 30),
            }
        )
        self.round.action_open()
        evaluation = self._evaluation(self.centre_1)
        evaluation.line_ids.filtered(lambda line: line.self_score in (False, "0")).self_score = "3"
        evaluation.line_ids.attachment_ids = [
            Command.create({"name": "evidence.pdf", "datas": b"aGVsbG8="})
        ]
        evaluation.with_user(self.user_head).action_submit()
        evaluation.with_user(self.user_district).action_validate()
        self.assertTrue(evaluation.star_eligible)
        expected = 1
        for stars, minimum in ((2, 50), (3, 65), (4, 80), (5, 90)):
            if evaluation.score_percent >= minimum:
                expected = stars
        self.assertEqual(evaluation.stars, expected)
        self.assertGreaterEqual(evaluation.stars, 2)
        self.env["ir.config_parameter"].set_param("smart_kids_reports.star_2_min", "99")
        self.env["ir.config_parameter"].set_param("smart_kids_reports.star_3_min", "99")
        self.env["ir.config_parameter"].set_param("smart_kids_reports.star_4_min", "99")
        self.env["ir.config_parameter"].set_param("smart_kids_reports.star_5_min", "100")
        evaluation.sudo()._compute_stars()  # as the recompute would, not as the officer
        self.assertEqual(evaluation.stars, 1)

    def test_only_officers_in_scope_open_rounds(self):
        with self.assertRaises(UserError):
            self.env["smart_kids.evaluation.round"].with_user(self.user_district).create(
                {
                    "name": "นอกเขต",
                    "area_id": self.district_3.id,
                    "date_from": self.week[0],
                    "date_to": self.week[-1],
                }
            ).action_open()
        self.round.action_open()
        with self.assertRaisesRegex(UserError, "draft"):
            self.round.action_open()
        with self.assertRaisesRegex(UserError, "not validated"):
            self.round.action_close()
