from odoo import Command
from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import TINY_PNG

from .common import ReportsCommon


@tagged("post_install", "-at_install")
class TestReportsUi(HttpCase, ReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        cls.centres.write({"open_on_weekends": True})
        # start_tour logs in with the login as password; desk users in Bangkok
        for user in (cls.user_executive, cls.user_head):
            user.write({"password": user.login, "tz": "Asia/Bangkok"})
        today = cls.centre_1._local_date(fields.Datetime.now())
        env = cls.env
        env["smart_kids.attendance"].create(
            {
                "child_id": cls.child_1.id,
                "centre_id": cls.centre_1.id,
                "date": today,
                "check_in": fields.Datetime.now(),
                "health_screened": True,
            }
        )
        lunch = env["smart_kids.lunch"].create({"centre_id": cls.centre_1.id, "date": today})
        env["smart_kids.photo"].create({"lunch_id": lunch.id, "image": TINY_PNG})
        env["smart_kids.day.activity"].create(
            {
                "centre_id": cls.centre_1.id,
                "date": today,
                "name": "Songs",
                "development_domain": "social",
            }
        )

    def _thai_desk_user(self, user):
        """A desk user reading Thai (the tours assert what they see in Thai)."""
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(
            ["smart_kids", "smart_kids_reports"], ["th_TH"]
        )
        user.lang = "th_TH"
        self.assertEqual(user.action_id.id, self.ref("smart_kids.action_smart_kids_home"))

    def test_executive_home_from_login(self):
        """Home is the Today board: headline, labelled badges, one click to what is behind."""
        self._thai_desk_user(self.user_executive)
        self.start_tour("/web/login", "smart_kids_reports_executive_home")

    def test_head_home_from_login(self):
        self._thai_desk_user(self.user_head)
        self.start_tour("/web/login", "smart_kids_reports_head_home")

    def test_province_officer_home_from_login(self):
        self.user_province.write({"password": "sk_province", "tz": "Asia/Bangkok"})
        self._thai_desk_user(self.user_province)
        self.start_tour("/web/login", "smart_kids_reports_province_home")

    def test_executive_follows_todays_data_and_drills_down(self):
        self.start_tour(
            "/odoo/action-smart_kids_reports.smart_kids_centre_day_server_action_today",
            "smart_kids_reports_monitoring",
            login="sk_executive",
        )

    def test_centre_head_self_assesses_and_submits(self):
        evaluation = self.open_round(self.lao_1, self.centre_1)
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.user_head)
            .create({"name": "plan.pdf", "datas": b"aGk="})
        )
        for line in evaluation.line_ids:
            if line.indicator_id.code != "SK20":
                line.self_score = line.self_score or "3"
            if line.indicator_id.evidence_required:
                line.attachment_ids = [Command.link(evidence.id)]
        self.start_tour(
            "/odoo/action-smart_kids_reports.smart_kids_evaluation_action",
            "smart_kids_reports_self_assessment",
            login="sk_head",
        )
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(
            evaluation.line_ids.filtered(lambda line: line.indicator_id.code == "SK20").self_score,
            "4",
        )

    def test_district_officer_day_from_login(self):
        """Home, then by the menus: validate a submitted evaluation, read the trends."""
        evaluation = self.open_round(self.district_1, self.centre_1)
        for line in evaluation.line_ids:
            line.self_score = line.self_score or "3"
            if line.indicator_id.evidence_required:
                # uploaded on the line by the head, as the form's upload button does
                line.attachment_ids = (
                    self.env["ir.attachment"]
                    .with_user(self.user_head)
                    .create(
                        {
                            "name": "plan.pdf",
                            "datas": b"aGk=",
                            "res_model": line._name,
                            "res_id": line.id,
                        }
                    )
                )
        evaluation.with_user(self.user_head).action_submit()
        self.user_district.write({"password": "sk_district", "tz": "Asia/Bangkok"})
        self._thai_desk_user(self.user_district)
        self.start_tour("/web/login", "smart_kids_reports_district_day")
        self.assertEqual(evaluation.state, "done")
        self.assertIn(self.user_district, evaluation.committee_user_ids)
