from urllib.parse import urlparse

from odoo.tests import HttpCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import assert_secret_unique

from .common import ReportsCommon


@tagged("post_install", "-at_install")
class TestSatisfaction(HttpCase, ReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        cls.survey = cls.env.ref("smart_kids_reports.survey_parent_satisfaction")

    def _answer(self, centre, level):
        """A guardian follows the centre's link on their own phone and answers every
        question at ``level``."""
        self.assertTrue(centre.survey_token)
        self.opener.cookies.clear()
        response = self.url_open(
            f"/smart_kids/satisfaction/{centre.survey_token}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        location = urlparse(response.headers["Location"])
        self.assertTrue(location.path.endswith(f"/survey/start/{self.survey.access_token}"))
        token = location.query.split("answer_token=")[1]
        answer = self.env["survey.user_input"].search([("access_token", "=", token)])
        self.assertEqual(answer.smart_kids_centre_id, centre)
        # the survey page itself opens for the guardian (public, no login)
        self.assertEqual(self.url_open(response.headers["Location"]).status_code, 200)
        for question in self.survey.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        ):
            choice = question.suggested_answer_ids.filtered(lambda a: a.answer_score == level)
            answer._save_lines(question, choice.id)
        answer._mark_done()
        return answer

    def test_results_per_centre_and_distribution_in_scope(self):
        self._answer(self.centre_1, 5)
        self._answer(self.centre_1, 4)
        self._answer(self.centre_2, 2)
        self._answer(self.centre_3, 3)
        Result = self.env["smart_kids.satisfaction.result"]
        result = Result.search([("centre_id", "=", self.centre_1.id)])
        self.assertEqual(result.response_count, 2)
        self.assertAlmostEqual(result.average, 4.5)
        self.assertEqual(result.level, "5")
        # two answers say little: the level is not presented as telling
        self.assertFalse(result.enough_responses)
        self.assertIn("2 of at least 5", result.sample_note)
        for _answer in range(3):
            self._answer(self.centre_1, 4)
        result.invalidate_recordset()
        self.assertTrue(result.enough_responses)
        self.assertFalse(result.sample_note)
        seen = Result.with_user(self.user_executive).search([])
        self.assertEqual(seen.centre_id, self.centre_1 | self.centre_2)
        distribution = Result.with_user(self.user_province).read_group([], ["level"], ["level"])
        self.assertEqual(
            {row["level"]: row["level_count"] for row in distribution},
            {"4": 1, "2": 1, "3": 1},
        )

    def test_a_phone_coming_back_continues_its_answer_and_cannot_answer_twice(self):
        link = f"/smart_kids/satisfaction/{self.centre_1.survey_token}"
        Answer = self.env["survey.user_input"]
        first = self.url_open(link, allow_redirects=False)
        again = self.url_open(link, allow_redirects=False)
        self.assertEqual(again.headers["Location"], first.headers["Location"])
        self.assertEqual(Answer.search_count([("smart_kids_centre_id", "=", self.centre_1.id)]), 1)

        answer = Answer.search([("smart_kids_centre_id", "=", self.centre_1.id)])
        answer._mark_done()
        all_answers = Answer.search_count([])
        thanks = self.url_open(link)
        self.assertEqual(thanks.status_code, 200)
        self.assertIn("o_survey_finished", thanks.text, "the thank-you page")
        self.assertNotIn("/survey/retry/", thanks.text, "no Take Again button")
        retry = self.url_open(
            f"/survey/retry/{self.survey.access_token}/{answer.access_token}",
            allow_redirects=False,
        )
        self.assertTrue(retry.headers["Location"].endswith(answer.access_token))
        self.assertEqual(Answer.search_count([]), all_answers, "no new answer, tagged or not")

        # the same phone may still answer for another centre, another phone for this one
        self.url_open(f"/smart_kids/satisfaction/{self.centre_2.survey_token}")
        self.assertEqual(Answer.search_count([("smart_kids_centre_id", "=", self.centre_2.id)]), 1)
        self.opener.cookies.clear()
        self.url_open(link)
        self.assertEqual(Answer.search_count([("smart_kids_centre_id", "=", self.centre_1.id)]), 2)

    def test_unknown_link_is_not_found(self):
        Answer = self.env["survey.user_input"]
        before = Answer.search_count([])  # the demo's answers included
        response = self.url_open("/smart_kids/satisfaction/not-a-token", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Answer.search_count([]), before)
        assert_secret_unique(self, self.centre_1, self.centre_2, "survey_token")

    def test_invitation_is_posted_for_the_guardians(self):
        self.centre_1.with_user(self.user_head).action_send_survey_invitation()
        self.assertIn(self.centre_1.survey_url, self.centre_1.message_ids[0].body)
        if "smart_kids.line.group" in self.env:
            channel = self.env["smart_kids.line.channel"].create(
                {"name": "OA", "access_token": "t", "channel_secret": "s"}
            )
            self.env["smart_kids.line.group"].create(
                {
                    "channel_id": channel.id,
                    "group_id": "C" + "2" * 32,
                    "centre_id": self.centre_1.id,
                }
            )
            self.centre_1.with_user(self.user_head).action_send_survey_invitation()
            message = self.env["smart_kids.line.message"].search([("target", "=", "C" + "2" * 32)])
            self.assertIn(self.centre_1.survey_url, message.payload)

    def test_guardians_read_the_survey_in_thai(self):
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(
            ["smart_kids_reports"], ["th_TH"], overwrite=True
        )
        page = self.url_open(f"/smart_kids/satisfaction/{self.centre_1.survey_token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("แบบสำรวจความพึงพอใจของผู้ปกครองต่อศูนย์พัฒนาเด็กเล็ก", page.text)
        # and they see which centre they are answering about
        self.assertIn("o_sk_survey_centre", page.text)
        self.assertIn(self.centre_1.name, page.text)
