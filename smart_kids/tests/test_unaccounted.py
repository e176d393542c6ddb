from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import SmartKidsCase
from .common import at
from .common import checkin
from .common import recent_monday

MONDAY = recent_monday()
TUESDAY = MONDAY + timedelta(days=1)
BEFORE_DEADLINE = at(MONDAY, 8, 20)  # the default deadline is 08:30 Bangkok
AT_DEADLINE = at(MONDAY, 8, 30)
ESCALATION_DUE = at(MONDAY, 9, 0)  # 30 minutes later


@tagged("post_install", "-at_install")
class TestUnaccountedChildren(SmartKidsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Case = cls.env["smart_kids.unaccounted.case"]
        cls.cron = cls.env.ref("smart_kids.ir_cron_unaccounted_children")
        cls.user_executive.smart_kids_area_ids = [Command.set(cls.lao_1.ids)]
        # only centre 1 matters here: no other centre (demo data included) expects anyone
        cls.env["smart_kids.child"].search(
            [("centre_id", "!=", cls.centre_1.id)]
        ).state = "withdrawn"

    def _run_cron(self):
        self.Case._cron_check_deadlines()

    def test_nothing_before_the_deadline(self):
        with freeze_time(BEFORE_DEADLINE):
            self._run_cron()
        self.assertFalse(self.Case.search([]))

    def test_case_opens_at_deadline_alerts_teachers_then_escalates(self):
        with freeze_time(AT_DEADLINE):
            self._run_cron()
            self._run_cron()  # running twice opens nothing twice
        case = self.Case.search([])
        self.assertEqual(case.child_id, self.child_1)
        self.assertEqual(case.date, MONDAY)
        self.assertEqual(case.state, "open")
        self.assertEqual(case.activity_ids.user_id, self.user_teacher | self.user_head)
        self.assertFalse(case.escalated_at)
        with freeze_time(ESCALATION_DUE):
            self._run_cron()
        self.assertEqual(case.escalated_at, ESCALATION_DUE)
        self.assertIn(self.user_executive, case.activity_ids.user_id)
        self.assertNotIn(self.user_province, case.activity_ids.user_id)

    def test_scanning_resolves_the_case(self):
        with freeze_time(AT_DEADLINE):
            self._run_cron()
        case = self.Case.search([])
        with freeze_time(at(MONDAY, 8, 45)):
            checkin(
                self.user_teacher,
                "scan",
                centre_id=self.centre_1.id,
                payload=self.child_1.card_payload,
            )
        self.assertEqual(case.state, "resolved")
        self.assertEqual(case.resolution, "checked_in")
        self.assertEqual(case.resolved_by_id, self.user_teacher)
        self.assertEqual(case.resolved_at, at(MONDAY, 8, 45))
        self.assertFalse(case.activity_ids, "the teachers' to-dos are done")
        with freeze_time(ESCALATION_DUE):
            self._run_cron()
        self.assertFalse(case.escalated_at, "a resolved case is not escalated")

    def test_absence_resolves_and_prevents(self):
        with freeze_time(AT_DEADLINE):
            self._run_cron()
            case = self.Case.search([])
            self.env["smart_kids.absence"].with_user(self.user_teacher).create(
                {"child_id": self.child_1.id, "reason": "sick", "date": MONDAY}
            )
        self.assertEqual((case.state, case.resolution), ("resolved", "absent"))
        with freeze_time(at(TUESDAY, 8, 30)):
            self.env["smart_kids.absence"].create(
                {"child_id": self.child_1.id, "reason": "leave", "date": TUESDAY}
            )
            self._run_cron()
        self.assertFalse(self.Case.search([("date", "=", TUESDAY)]))

    def test_closed_days_expect_nobody(self):
        self.centre_1.closure_ids = [Command.create({"date": MONDAY, "name": "Loy Krathong"})]
        with freeze_time(AT_DEADLINE):
            self._run_cron()
        with freeze_time(at(MONDAY + timedelta(days=5), 8, 30)):  # Saturday
            self._run_cron()
        self.assertFalse(self.Case.search([]))

    def test_cron_is_triggered_at_each_deadline(self):
        self.centre_3.checkin_deadline = 9.0
        with freeze_time(BEFORE_DEADLINE):
            self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)]).unlink()
            self._run_cron()
            triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        times = set(triggers.mapped("call_at"))
        self.assertIn(AT_DEADLINE, times, "08:30 Bangkok")
        self.assertIn(at(MONDAY, 9, 0), times, "09:00 Bangkok for centre 3")
        with freeze_time(BEFORE_DEADLINE):
            self._run_cron()
        again = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        self.assertEqual(len(again), len(triggers), "no duplicate wake-ups")
        with freeze_time(AT_DEADLINE):
            self._run_cron()
            times = set(
                self.env["ir.cron.trigger"]
                .search([("cron_id", "=", self.cron.id)])
                .mapped("call_at")
            )
        self.assertIn(ESCALATION_DUE, times, "wakes again when the escalation falls due")
        self.assertIn(at(TUESDAY, 8, 30), times, "and at tomorrow's deadline")

    def test_events_are_emitted(self):
        seen = []
        Hooks = type(self.env["smart_kids.hooks"])
        original = Hooks._on_unaccounted_opened

        def spy(model, cases):
            seen.append(cases)
            return original(model, cases)

        self.patch(Hooks, "_on_unaccounted_opened", spy)
        with freeze_time(AT_DEADLINE):
            self._run_cron()
        self.assertEqual(seen[0].child_id, self.child_1)
