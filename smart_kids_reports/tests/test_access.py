from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import JsonRpcAccess

from .common import ReportsCommon


@tagged("post_install", "-at_install")
class TestReportsAccess(HttpCase, ReportsCommon, JsonRpcAccess):
    """Every model of the module: out of scope means neither read nor write, ORM or RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        env = cls.env
        cls.Day._refresh(cls.week[0], cls.week[0])
        far_round = env["smart_kids.evaluation.round"].create(
            {
                "name": "Udon",
                "area_id": cls.province_2.id,
                "date_from": cls.week[0],
                "date_to": cls.week[-1],
            }
        )
        far_round.action_open()
        evaluation = far_round.evaluation_ids
        survey = env.ref("smart_kids_reports.survey_parent_satisfaction")
        question = survey.question_ids.filtered(lambda q: q.question_type == "simple_choice")[0]
        answer = survey._create_answer(user=env.ref("base.public_user"))
        answer.smart_kids_centre_id = cls.centre_4
        answer._save_lines(question, question.suggested_answer_ids[0].id)
        answer._mark_done()
        Mark = env["smart_kids.centre.day.refresh"]
        Mark._mark([cls.week[0]], None)
        cls.far = {
            "smart_kids.centre.day.refresh": (
                Mark.search([("date", "=", cls.week[0])]),
                {"refreshed_at": "2000-01-01 00:00:00"},
            ),
            "smart_kids.centre.day": (
                cls.day_of(cls.centre_4, cls.week[0]),
                {"missing_summary": "x"},
            ),
            "smart_kids.evaluation.round": (far_round, {"name": "x"}),
            "smart_kids.evaluation": (evaluation, {"committee_note": "x"}),
            "smart_kids.evaluation.line": (evaluation.line_ids[:1], {"note": "x"}),
            "smart_kids.satisfaction.result": (
                env["smart_kids.satisfaction.result"].search([("centre_id", "=", cls.centre_4.id)]),
                {"average": 1},
            ),
            "smart_kids.report.wizard": (
                env["smart_kids.report.wizard"]
                .with_user(cls.user_province)
                .create({"report": "summary", "area_id": cls.province.id}),
                {"report": "daily"},
            ),
        }
        for model, (record, _vals) in cls.far.items():
            assert record, f"{model}: no record to test"

    def test_out_of_scope_users_cannot_read_or_write_through_the_orm(self):
        for user in (self.user_executive, self.user_district, self.user_head, self.user_internal):
            for model, (record, vals) in self.far.items():
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["id"])
                    if vals:
                        with self.assertRaises(AccessError):
                            record.with_user(user).write(vals)
                    try:
                        found = self.env[model].with_user(user).search([]).ids
                    except AccessError:
                        found = []  # no access to the model at all
                    self.assertNotIn(record.id, found)

    def test_catalogue_is_closed_to_users_outside_smart_kids(self):
        indicator = self.env["smart_kids.indicator"].search([], limit=1)
        with self.assertRaises(AccessError):
            indicator.with_user(self.user_internal).read(["name"])
        with self.assertRaises(AccessError):
            indicator.with_user(self.user_province).write({"name": "x"})
        self.assertTrue(indicator.with_user(self.user_teacher).read(["name"]))

    def test_out_of_scope_users_are_refused_over_json_rpc(self):
        for user in (self.user_executive, self.user_internal):
            for model, (record, vals) in self.far.items():
                with self.subTest(user=user.login, model=model):
                    self._assert_denied(user, model, "read", record.ids, ["id"])
                    if vals:
                        self._assert_denied(user, model, "write", record.ids, vals)
        seen = self._execute(
            self.user_executive, "smart_kids.centre.day", "search_read", [], fields=["centre_id"]
        )
        self.assertEqual(
            {row["centre_id"][0] for row in seen}, {self.centre_1.id, self.centre_2.id}
        )
