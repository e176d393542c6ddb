from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.smart_kids_line.models.smart_kids_line_channel_breaker import LONGEST_PAUSE
from odoo.addons.smart_kids_line.models.smart_kids_line_channel_breaker import OPEN_AFTER

from .common import FAKE
from .common import LineCase

QUIET = ("odoo.addons.smart_kids_line.models.smart_kids_line_message", "urllib3.connectionpool")


@tagged("post_install", "-at_install")
class TestChannelBreaker(LineCase):
    def setUp(self):
        super().setUp()
        self.channel.write({"failures_in_row": 0, "paused_until": False})
        self.env.flush_all()  # the sender works in its own transactions

    def _pushes(self):
        return [r for r in self.server.requests if r[1] == FAKE.PUSH]

    def _time_passes(self):
        """The pause and the rows' own waits are over."""
        self.env.cr.execute(
            "UPDATE smart_kids_line_message SET next_attempt_at = now() at time zone 'UTC'"
            " - interval '1 second' WHERE state = 'queued';"
            " UPDATE smart_kids_line_channel SET paused_until = now() at time zone 'UTC'"
            " - interval '1 second' WHERE paused_until IS NOT NULL"
        )
        self.env.invalidate_all()

    def _run(self):
        with mute_logger(*QUIET):
            self.Message._cron_send(batch=1000)
        self.env.invalidate_all()

    def test_outage_pauses_the_channel_probes_and_resumes_safety_first(self):
        information = self.queue_messages(20, "1", "info")
        self.server.faults.update(error_rate=1.0)  # LINE answers 500 to everything
        self._run()
        self.assertEqual(len(self._pushes()), OPEN_AFTER, "stops after a few failures in a row")
        self.assertEqual(self.channel.failures_in_row, OPEN_AFTER)
        self.assertGreater(self.channel.paused_until, fields.Datetime.now())
        self._run()
        self.assertEqual(len(self._pushes()), OPEN_AFTER, "nothing is sent while paused")

        safety = self.queue_messages(2, "0", "safety")  # an alert comes in during the outage
        for probe in range(1, 11):
            self._time_passes()
            self._run()
            self.assertEqual(len(self._pushes()), OPEN_AFTER + probe, "one probe at a time")
            pause = self.channel.paused_until - fields.Datetime.now()
            self.assertLessEqual(pause, timedelta(seconds=LONGEST_PAUSE))
        self.assertIn("safety", self._pushes()[OPEN_AFTER][3]["to"], "probes with safety first")
        everything = information | safety
        waits = [m.next_attempt_at - fields.Datetime.now() for m in everything]
        self.assertLess(max(waits), timedelta(minutes=3), "no row's own wait grew long")

        self.server.faults.update(error_rate=0.0)  # LINE is back
        first_after_outage = len(self.server.accepted_at)
        self._time_passes()
        self._run()
        self.assertEqual(set(everything.mapped("state")), {"sent"}, "the backlog goes at once")
        self.assertFalse(self.channel.paused_until)
        self.assertEqual(self.channel.failures_in_row, 0)
        order = [body["to"] for _at, body in self.server.accepted_at[first_after_outage:]]
        # claimed first; sent in a wave of one request, then a wave of two in parallel
        # (answered in either order): both among the first three LINE accepted
        safety_at = {i for i, target in enumerate(order) if target.startswith("U-safety")}
        self.assertEqual(len(safety_at), 2)
        self.assertLessEqual(max(safety_at), 2, "safety first")

    def test_rate_limit_honours_retry_after(self):
        messages = self.queue_messages(3, "1", "limited")
        self.server.faults.update(retry_after=7)
        self.server.queue_faults(["rate_limit"])
        self._run()
        self.assertEqual(len(self._pushes()), 1, "a 429 pauses the channel at once")
        pause = (self.channel.paused_until - fields.Datetime.now()).total_seconds()
        self.assertAlmostEqual(pause, 7, delta=2)
        self.assertEqual(messages.mapped("state"), ["queued"] * 3)
        self._time_passes()
        self._run()
        self.assertEqual(set(messages.mapped("state")), {"sent"})
        self.assertEqual(len(self.server.deliveries(FAKE.PUSH)), 3, "each once")
