from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import at
from odoo.addons.smart_kids.tests.common import recent_monday

from .common import TransportCommon

DAY = recent_monday()


@tagged("post_install", "-at_install")
class TestLateVanAlert(TransactionCase, TransportCommon):
    """The alert comes from the server at the trip's time, whatever the attendant's phone does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpTransport()
        cls.Trip = cls.env["smart_kids.van.trip"]
        cls.cron = cls.env.ref("smart_kids_transport.ir_cron_van_overdue")

    def _run_cron(self):
        self.Trip._cron_check_overdue()

    def _alerted_users(self, trip):
        return trip.activity_ids.user_id

    def test_phone_dies_mid_trip_and_the_server_alerts_then_escalates(self):
        seen = []
        Hooks = type(self.env["smart_kids.hooks"])
        original = Hooks._on_van_trip_overdue

        def spy(model, trips):
            seen.append(trips.rider_ids.filtered(lambda r: r.state == "boarded").child_id)
            return original(model, trips)

        self.patch(Hooks, "_on_van_trip_overdue", spy)
        with freeze_time(at(DAY, 6, 50)):
            data = self._start()
            self._scan(data, self.child_1.card_payload)
        trip = self.Trip.browse(data["id"])
        # planned arrival 08:00 + the centre's 15 minutes
        self.assertEqual(trip.due_at, at(DAY, 8, 15))
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        self.assertIn(at(DAY, 8, 15), triggers.mapped("call_at"), "woken at the exact time")
        # ... and the phone is never heard of again
        with freeze_time(at(DAY, 8, 14)):
            self._run_cron()
        self.assertFalse(trip.alerted_at)
        with freeze_time(at(DAY, 8, 15)):
            self._run_cron()
        self.assertEqual(trip.alerted_at, at(DAY, 8, 15))
        self.assertEqual(seen, [self.child_1])
        alerted = self._alerted_users(trip)
        self.assertIn(self.user_teacher, alerted)
        self.assertNotIn(self.user_executive, alerted)
        note = trip.activity_ids[:1].note
        self.assertIn(self.child_1.name, note)
        self.assertIn("0811111111", note)
        self.assertIn(
            at(DAY, 8, 20),
            self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)]).mapped("call_at"),
            "the escalation is scheduled too",
        )
        with freeze_time(at(DAY, 8, 19)):
            self._run_cron()
        self.assertFalse(trip.escalated_at)
        with freeze_time(at(DAY, 8, 20)):
            self._run_cron()
        self.assertEqual(trip.escalated_at, at(DAY, 8, 20))
        self.assertIn(self.user_executive, self._alerted_users(trip))
        self.assertIn(self.user_head, self._alerted_users(trip))
        # found: scanned off and the trip ended at the rear; the alerts are closed
        with freeze_time(at(DAY, 8, 25)):
            trip.with_user(self.user_teacher).action_start_unloading()
            self._scan(data, self.child_1.card_payload)
            self._scan(data, self.rear_1)
        self.assertEqual(trip.state, "ended")
        self.assertFalse(trip.activity_ids)

    def test_an_ended_trip_never_alerts_and_a_late_start_gets_its_full_time(self):
        with freeze_time(at(DAY, 6, 50)):
            data = self._start()
            self._scan(data, self.rear_1)
        with freeze_time(at(DAY, 9, 0)):
            self._run_cron()
        self.assertFalse(self.Trip.browse(data["id"]).alerted_at)
        with freeze_time(at(DAY, 8, 30)):
            late = self.Trip.browse(self._start(self.other_morning)["id"])
        # left at 08:30 on a one-hour route: due at 09:30 + 15 minutes
        self.assertEqual(late.due_at, at(DAY, 8, 30) + timedelta(hours=1, minutes=15))

    def test_the_unaccounted_child_to_do_says_the_child_is_on_the_van(self):
        with freeze_time(at(DAY, 6, 50)):
            data = self._start()
            self._scan(data, self.child_1.card_payload)
        with freeze_time(at(DAY, 8, 30)):  # the centre's check-in deadline
            self.env["smart_kids.unaccounted.case"]._cron_check_deadlines()
        case = self.env["smart_kids.unaccounted.case"].search([("child_id", "=", self.child_1.id)])
        self.assertEqual(case.state, "open", "on a van is not at the centre")
        self.assertIn("On the van Van 1.", case.activity_ids[:1].note)
