"""Evaluations follow their workflow and reports their reader's scope, whatever a client
sends over JSON-RPC."""

import logging

from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.smart_kids.tests.common import JsonRpcAccess
from odoo.addons.smart_kids.tests.scope_attack import ScopeAttack

from .common import ReportsCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestReportsScope(HttpCase, ReportsCommon, JsonRpcAccess, ScopeAttack):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        cls.evaluation = cls.open_round(cls.district_1, cls.centre_1)
        cls.evaluation_far = cls.open_round(cls.province_2, cls.centre_4)
        cls.own = {
            "smart_kids.evaluation": cls.evaluation,
            "smart_kids.evaluation.line": cls.evaluation.line_ids[:1],
            "smart_kids.evaluation.round": cls.evaluation.round_id,
            "smart_kids.centre.day": cls.day_of(cls.centre_1, cls.week[0]),
        }
        cls.targets = {
            "smart_kids.centre": cls.centre_4,
            "smart_kids.area": cls.province_2,
            "smart_kids.evaluation": cls.evaluation_far,
            "smart_kids.evaluation.round": cls.evaluation_far.round_id,
        }

    def test_generated_re_pointing_is_refused(self):
        roles = (self.user_head, self.user_executive, self.user_district, self.user_province)
        attempts = self._run_scope_attack("smart_kids_reports", self.own, self.targets, roles)
        _logger.info("scope attack on smart_kids_reports: %s re-pointing attempts", attempts)
        self.assertGreaterEqual(attempts, 20)

    def test_evaluation_states_and_data_scores_follow_the_workflow(self):
        evaluation = self.evaluation
        line = evaluation.line_ids.filtered(lambda line: line.indicator_id.method == "auto")[:1]
        self._assert_refused(
            self.user_head, "smart_kids.evaluation", "write", evaluation.ids, {"state": "done"}
        )
        for vals in ({"auto_score": "5"}, {"measured_percent": 100.0}, {"measured": True}):
            self._assert_refused(
                self.user_head, "smart_kids.evaluation.line", "write", line.ids, vals
            )
        self._assert_refused(
            self.user_head,
            "smart_kids.evaluation.line",
            "write",
            line.ids,
            {"committee_score": "5"},
        )
        self.assertEqual(evaluation.state, "draft")
        # the district officer cannot move a round to another province
        self._assert_refused(
            self.user_district,
            "smart_kids.evaluation.round",
            "write",
            evaluation.round_id.ids,
            {"area_id": self.province_2.id},
        )
        self._assert_refused(
            self.user_district,
            "smart_kids.evaluation.round",
            "write",
            evaluation.round_id.ids,
            {"state": "closed"},
        )
        self.assertEqual(evaluation.round_id.area_id, self.district_1)
        # the buttons still take it through: the head submits, the committee validates
        evaluation.line_ids.filtered(lambda line: not line.self_score).self_score = "3"
        evaluation.line_ids.attachment_ids = [
            (0, 0, {"name": "evidence.pdf", "datas": b"aGVsbG8="})
        ]
        self._execute(self.user_head, "smart_kids.evaluation", "action_submit", evaluation.ids)
        self._execute(
            self.user_district, "smart_kids.evaluation", "action_validate", evaluation.ids
        )
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.self_assessed_by, self.user_head)
        self.assertEqual(evaluation.committee_user_ids, self.user_district)

    def test_only_the_centres_staff_send_survey_invitations(self):
        for user in (self.user_executive, self.user_district):
            self._assert_refused(
                user, "smart_kids.centre", "action_send_survey_invitation", self.centre_1.ids
            )
        self._assert_refused(
            self.user_head, "smart_kids.centre", "action_send_survey_invitation", self.centre_4.ids
        )
        self._execute(
            self.user_head, "smart_kids.centre", "action_send_survey_invitation", self.centre_1.ids
        )

    def test_summary_xlsx_of_an_area_out_of_reach_is_refused(self):
        wizard = (
            self.env["smart_kids.report.wizard"]
            .with_user(self.user_executive)
            .create(
                {
                    "report": "summary",
                    "area_id": self.lao_1.id,
                    "date_from": self.week[0],
                    "date_to": self.week[-1],
                }
            )
        )
        self.assertTrue(wizard.action_export_xlsx()["url"])
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            wizard.area_id = self.lao_3
            wizard.action_export_xlsx()
