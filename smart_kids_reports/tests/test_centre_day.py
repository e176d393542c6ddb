from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import at

from ..models import smart_kids_centre_day
from .common import ReportsCommon


@tagged("post_install", "-at_install")
class TestCentreDay(TransactionCase, ReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()

    def test_each_centre_day_gets_the_status_an_executive_expects(self):
        monday = self.week[0]
        full = self.day_of(self.centre_1, monday)
        self.assertEqual(full.status, "current")
        self.assertEqual((full.checked_in_count, full.expected_count), (1, 1))
        self.assertTrue(full.lunch_photographed)
        self.assertEqual(full.activity_count, 1)
        self.assertFalse(full.missing_summary)

        checkins_only = self.day_of(self.centre_3, monday)
        self.assertEqual(checkins_only.status, "partial")
        self.assertEqual(checkins_only.missing_summary, "health screens, lunch, activity")

        nothing = self.day_of(self.centre_2, monday)
        self.assertEqual(nothing.status, "missing")
        self.assertEqual(nothing.checked_in_count, 0)

        saturday = self.day_of(self.centre_1, self.week[-1] + timedelta(days=1))
        self.assertEqual(saturday.status, "closed")
        self.assertFalse(saturday.is_open)

    def test_absent_children_are_not_expected_and_closures_close_the_day(self):
        tuesday = self.week[1]
        self.env["smart_kids.absence"].create(
            {"child_id": self.child_2.id, "date": tuesday, "reason": "sick"}
        )
        self.env["smart_kids.centre.closure"].create(
            {"centre_id": self.centre_3.id, "date": tuesday, "name": "วันลอยกระทง"}
        )
        self.Day._refresh(tuesday)
        self.assertEqual(self.day_of(self.centre_2, tuesday).expected_count, 0)
        self.assertEqual(self.day_of(self.centre_3, tuesday).status, "closed")

    def test_the_rule_is_configurable(self):
        monday = self.week[0]
        settings = self.env["res.config.settings"].create(
            {
                "smart_kids_min_health_rate": 0,
                "smart_kids_require_lunch": False,
                "smart_kids_require_activity": False,
                "smart_kids_reminder_times": "10:30",
            }
        )
        settings.execute()
        self.Day._refresh(monday)
        self.assertEqual(self.day_of(self.centre_3, monday).status, "current")

    def test_bad_settings_are_refused_and_nothing_is_saved(self):
        Param = self.env["ir.config_parameter"]
        for values, message in (
            ({"smart_kids_reminder_times": "10:30, lunch"}, "lunch"),
            ({"smart_kids_min_checkin_rate": 120}, "0 and 100"),
            ({"smart_kids_star_4_min": 95}, "rise"),
        ):
            with self.subTest(values=values), self.assertRaisesRegex(ValidationError, message):
                self.env["res.config.settings"].create(values).execute()
        self.assertEqual(Param.get_param("smart_kids_reports.reminder_times"), "10:30, 14:00")
        self.assertEqual(Param.get_param("smart_kids_reports.freshness_min_checkin_rate"), "80")

    def test_a_refresh_is_idempotent_and_follows_new_records(self):
        wednesday = self.week[2]
        count = self.Day.search_count([])
        self.Day._refresh(wednesday)
        self.assertEqual(self.Day.search_count([]), count)
        self.env["smart_kids.day.activity"].create(
            {
                "centre_id": self.centre_3.id,
                "date": wednesday,
                "name": "ปั้นดิน",
                "development_domain": "physical",
            }
        )
        self.Day._refresh(wednesday)
        self.assertEqual(self.day_of(self.centre_3, wednesday).activity_count, 1)

    def _age_rows(self, day, table="smart_kids_centre_day", column="refreshed_at", by="1 day"):
        """PostgreSQL's now() is the test transaction's start: age the times instead."""
        self.env.cr.execute(
            f"UPDATE {table} SET {column} = {column} - interval '{by}' WHERE date = %s", [day]
        )
        self.env.invalidate_all()

    def test_updated_shows_when_the_figures_last_changed(self):
        """A refresh rewrites only the rows whose figures changed: the others keep their
        time (and cost no disk or replica work)."""
        # today: a record of an earlier day refreshes its own row when saved
        today = fields.Date.today()
        self.Day._refresh(today)
        self._age_rows(today)
        unchanged, changed = self.day_of(self.centre_1, today), self.day_of(self.centre_3, today)
        before = unchanged.refreshed_at
        self.env["smart_kids.day.activity"].create(
            {"centre_id": self.centre_3.id, "date": today, "name": "ร้องเพลง",
             "development_domain": "social"}
        )  # fmt: skip
        self.Day._refresh(today)
        self.env.invalidate_all()
        self.assertEqual(changed.activity_count, 1)
        self.assertGreater(changed.refreshed_at, before, "the changed row says when it changed")
        self.assertEqual(unchanged.refreshed_at, before, "an unchanged row keeps its time")

    def test_a_province_refresh_is_shared_for_a_minute(self):
        """Readers of a large scope within a minute reuse the last refresh; after that, or
        for a centre without a row yet, it is recomputed."""
        today = fields.Date.today()
        centres = self.env["smart_kids.centre"].search([])
        with patch.object(smart_kids_centre_day, "SHARED_REFRESH_ROWS", 2):
            self.Day._refresh(today, centres=centres)
            self.env["smart_kids.day.activity"].create(
                {"centre_id": self.centre_3.id, "date": today, "name": "ปั้นดิน",
                 "development_domain": "physical"}
            )  # fmt: skip
            self.Day._refresh(today, centres=centres)
            self.assertEqual(self.day_of(self.centre_3, today).activity_count, 0)
            self._age_rows(today, "smart_kids_centre_day_refresh", by="61 seconds")
            self.Day._refresh(today, centres=centres)
            self.env.invalidate_all()
            self.assertEqual(self.day_of(self.centre_3, today).activity_count, 1)
            # the whole country (the cron), then a new centre, without a row yet: the next
            # reader recomputes at once
            self.Day._refresh(today)
            new = self.env["smart_kids.centre"].create(
                {"name": "ศพด. ใหม่", "lao_id": self.lao_1.id}
            )
            self.assertFalse(self.day_of(new, today))
            self.Day._refresh(today)
            self.assertTrue(self.day_of(new, today))
        # below the size readers share, every refresh recomputes
        self.env["smart_kids.day.activity"].create(
            {"centre_id": self.centre_3.id, "date": today, "name": "วาดภาพ",
             "development_domain": "intellectual"}
        )  # fmt: skip
        self.Day._refresh(today, centres=centres)
        self.env.invalidate_all()
        self.assertEqual(self.day_of(self.centre_3, today).activity_count, 2)

    def test_dashboard_opens_on_today_within_the_executives_scope(self):
        Day = self.Day.with_user(self.user_executive)
        # 01:00 on Wednesday in Thailand, still Tuesday in UTC (the executive has no zone set)
        self.user_executive.tz = False
        wednesday = self.week[2]
        with freeze_time(at(wednesday, 1)):
            action = Day.action_open_today()
        self.assertEqual(action["res_model"], "smart_kids.centre.day")
        self.assertEqual(action["domain"], [("date", "=", fields.Date.to_string(wednesday))])
        rows = Day.search(action["domain"])
        self.assertEqual(set(rows.centre_id.ids), {self.centre_1.id, self.centre_2.id})

    def test_a_report_read_from_a_replica_uses_the_rows_as_last_refreshed(self):
        """On a read-only cursor (Odoo's replica routes) the refresh writes nothing: the
        report reads the rows the primary last refreshed instead of failing."""
        Day = self.env["smart_kids.centre.day"]
        day = self.week[0]
        Day._refresh(day)
        row = Day.search([("date", "=", day), ("centre_id", "=", self.centre_1.id)])
        counted = row.checked_in_count
        # a row as the last refresh left it, different from what a refresh would compute now
        self.env.cr.execute(
            "UPDATE smart_kids_centre_day SET checked_in_count = 99 WHERE id = %s", [row.id]
        )
        # the test's transaction, through a read-only cursor as a replica route gets one
        self.registry.enter_test_mode(self.cr)
        self.addCleanup(self.registry.leave_test_mode)
        with self.registry.cursor(readonly=True) as cr:
            self.assertTrue(cr.readonly)
            on_replica = Day.with_env(Day.env(cr=cr))
            on_replica._refresh(day)  # a write here would raise ReadOnlySqlTransaction
            self.assertEqual(on_replica.browse(row.id).checked_in_count, 99)
        row.invalidate_recordset()
        Day._refresh(day)  # on the primary
        self.assertEqual(row.checked_in_count, counted)

    def test_a_correction_of_an_earlier_day_refreshes_that_day_at_once(self):
        """Reports recompute only yesterday and today; an earlier day corrected later is
        refreshed when the correction is saved, so the month's report counts it."""
        Day = self.env["smart_kids.centre.day"]
        # the Monday before the set-up's week (today - 10 fell inside it on Thursdays)
        earlier = self.monday - timedelta(days=7)
        self.centre_1.open_on_weekends = True
        Day._refresh(earlier, earlier, self.centre_1)
        row = Day.search([("date", "=", earlier), ("centre_id", "=", self.centre_1.id)])
        self.assertEqual(row.checked_in_count, 0)
        attendance = self.env["smart_kids.attendance"].create(
            {
                "child_id": self.child_1.id,
                "centre_id": self.centre_1.id,
                "date": earlier,
                "check_in": at(earlier, 7, 45),
            }
        )
        row.invalidate_recordset()
        self.assertEqual(row.checked_in_count, 1)
        self.env["smart_kids.executive.summary"]._compute(self.province, earlier, earlier)
        self.assertEqual(row.checked_in_count, 1)
        attendance.unlink()
        row.invalidate_recordset()
        self.assertEqual(row.checked_in_count, 0)
