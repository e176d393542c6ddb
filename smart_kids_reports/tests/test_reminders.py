from datetime import datetime
from datetime import time
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import TINY_PNG

from .common import ReportsCommon

ACTIVITY_TYPE = "smart_kids_reports.mail_activity_type_data_reminder"


@tagged("post_install", "-at_install")
class TestReminders(TransactionCase, ReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        cls.centres.write({"open_on_weekends": True})  # today is a school day, whatever day
        cls.today = cls.centre_1._local_date(fields.Datetime.now())

    def _at_local(self, hour, minute=0):
        """A frozen clock at ``hour:minute`` Bangkok time today (naive UTC for Odoo)."""
        return datetime.combine(self.today, time(hour, minute)) - timedelta(hours=7)

    def _reminders(self, centre):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "smart_kids.centre"),
                ("res_id", "=", centre.id),
                ("activity_type_id", "=", self.env.ref(ACTIVITY_TYPE).id),
            ]
        )

    def test_teachers_are_reminded_once_per_time_and_released_when_current(self):
        Reminder = self.env["smart_kids.freshness.reminder"]
        with freeze_time(self._at_local(9, 0)):
            Reminder._cron_remind()
        self.assertFalse(self._reminders(self.centre_1), "before 10:30 nobody is reminded")

        with freeze_time(self._at_local(10, 40)):
            Reminder._cron_remind()
        reminders = self._reminders(self.centre_1)
        self.assertEqual(reminders.user_id, self.user_teacher | self.user_head)
        self.assertIn("check-ins", reminders[0].note)
        self.assertFalse(self._reminders(self.centre_3), "Kanya has no login to remind")

        with freeze_time(self._at_local(10, 55)):
            Reminder._cron_remind()
        self.assertEqual(len(self._reminders(self.centre_1)), 2, "no second to-do for 10:30")

        # the day gets recorded: reminders are done at the next run
        self._record_today(self.centre_1, self.child_1)
        with freeze_time(self._at_local(11, 10)):
            Reminder._cron_remind()
        self.assertFalse(self._reminders(self.centre_1))
        day = self.day_of(self.centre_1, self.today)
        self.assertEqual(day.status, "current")

    def _record_today(self, centre, child):
        env = self.env
        now = fields.Datetime.now()
        env["smart_kids.attendance"].create(
            {
                "child_id": child.id,
                "centre_id": centre.id,
                "date": self.today,
                "check_in": now,
                "health_screened": True,
            }
        )
        lunch = env["smart_kids.lunch"].create({"centre_id": centre.id, "date": self.today})
        env["smart_kids.photo"].create({"lunch_id": lunch.id, "image": TINY_PNG})
        env["smart_kids.day.activity"].create(
            {
                "centre_id": centre.id,
                "date": self.today,
                "name": "นิทาน",
                "development_domain": "intellectual",
            }
        )
