from datetime import datetime
from datetime import time
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo import fields
from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids_reports.tests.common import ReportsCommon

TEACHER_LINE_ID = "U" + "1" * 32


@tagged("post_install", "-at_install")
class TestReportsOnLine(TransactionCase, ReportsCommon):
    """What the reports send or count through LINE, once both modules are installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        env = cls.env
        cls.channel = env["smart_kids.line.channel"].create(
            {
                "name": "OA",
                "access_token": "t",
                "channel_secret": "s",
                "centre_ids": [Command.set(cls.centre_1.ids)],
            }
        )
        cls.user_teacher.partner_id.write(
            {
                "line_user_id": TEACHER_LINE_ID,
                "line_link_active": True,
                "line_channel_id": cls.channel.id,
            }
        )
        cls.Message = env["smart_kids.line.message"]

    def test_data_reminder_goes_to_the_teachers_on_line(self):
        self.centres.write({"open_on_weekends": True})  # today is a school day, whatever day
        today = self.centre_1._local_date(fields.Datetime.now())
        two_pm = datetime.combine(today, time(14, 5)) - timedelta(hours=7)  # Bangkok, UTC+7
        with freeze_time(two_pm):
            self.env["smart_kids.freshness.reminder"]._cron_remind()
        message = self.Message.search([("target", "=", TEACHER_LINE_ID)])
        self.assertEqual(len(message), 1)
        self.assertIn(self.centre_1.name, message.payload)
        self.assertIn("ยังบันทึกไม่ครบ", message.payload, "the teachers' reminder is in Thai")

    def test_satisfaction_invitation_goes_to_the_centres_line_group(self):
        group = self.env["smart_kids.line.group"].create(
            {"channel_id": self.channel.id, "group_id": "C-parents", "centre_id": self.centre_1.id}
        )
        self.centre_1.with_user(self.user_head).action_send_survey_invitation()
        message = self.Message.search([("line_group_id", "=", group.id)])
        self.assertEqual(len(message), 1)
        self.assertIn(self.centre_1.survey_url, message.payload)

    def test_guardians_on_line_are_counted_in_the_summary_and_the_evaluation(self):
        self.guardian.write(
            {
                "line_user_id": "U-guardian",
                "line_link_active": True,
                "line_channel_id": self.channel.id,
            }
        )
        summary = self.env["smart_kids.executive.summary"]._compute(
            self.lao_1, self.week[0], self.week[-1]
        )
        row = next(row for row in summary["rows"] if row["centre"] == self.centre_1)
        self.assertEqual((row["guardians_line"], row["guardians"]), (1, 1))
        shares = self.env["smart_kids.indicator"]._measure(
            "guardians_linked", self.centre_1, self.week[0], self.week[-1]
        )
        self.assertEqual(shares[self.centre_1.id], 1.0)

    def test_each_guardian_on_line_gets_a_link_of_their_own(self):
        self.guardian.write(
            {
                "line_user_id": "U-guardian",
                "line_link_active": True,
                "line_channel_id": self.channel.id,
            }
        )
        self.child_1.write(
            {
                "line_consent": True,
                "line_consent_date": "2026-01-05",
                "line_consent_partner_id": self.guardian.id,
            }
        )
        self.centre_1.with_user(self.user_head).action_send_survey_invitation()
        message = self.Message.search([("partner_id", "=", self.guardian.id)])
        self.assertEqual(len(message), 1)
        answer = self.env["survey.user_input"].search([("partner_id", "=", self.guardian.id)])
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.smart_kids_centre_id, self.centre_1)
        self.assertIn(f"answer_token={answer.access_token}", message.payload)
        self.assertNotIn(self.centre_1.survey_url, message.payload, "not the public link")
        # a second invitation sends nothing new to this guardian: one answer per guardian
        self.centre_1.with_user(self.user_head).action_send_survey_invitation()
        self.assertEqual(self.Message.search_count([("partner_id", "=", self.guardian.id)]), 1)
        self.assertEqual(
            self.env["survey.user_input"].search_count([("partner_id", "=", self.guardian.id)]), 1
        )
