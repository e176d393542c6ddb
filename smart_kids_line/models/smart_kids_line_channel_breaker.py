"""A circuit breaker per LINE channel: when LINE fails for everyone (5xx storms, timeouts,
429), the channel pauses instead of every row retrying on its own.

Closed: rows are sent as they come. After ``OPEN_AFTER`` failures in a row, or at once on a
429, the channel opens: nothing is claimed until ``paused_until`` (LINE's ``Retry-After`` for
a 429, otherwise a pause doubling from 2 s to 15 s). Then one worker claims one row, the
probe, while the others wait; its success closes the channel, its failure pauses it again.
Rows are not charged for the pause, so their own back-off stays short; when the channel
resumes the claim order sends safety messages first.

The bookkeeping is best effort: two workers failing at the same moment may count once.
"""

import math
from datetime import timedelta

import psycopg2

from odoo import fields
from odoo import models
from odoo.tools import SQL

OPEN_AFTER = 5  # 30 % random failures open it about once in 400 requests
FIRST_PAUSE, LONGEST_PAUSE = 2, 15  # seconds
LONGEST_RETRY_AFTER = 300
PROBE_GRACE = 5  # seconds a probe may take beyond the read timeout before another is sent


def pause_seconds(failures):
    """Pause after ``failures`` consecutive failures (the first at ``OPEN_AFTER``)."""
    return min(FIRST_PAUSE * 2 ** max(failures - OPEN_AFTER, 0), LONGEST_PAUSE)


class SmartKidsLineChannel(models.Model):
    _inherit = "smart_kids.line.channel"

    failures_in_row = fields.Integer(
        string="Failures in a Row",
        readonly=True,
        help="LINE failed this many requests in a row (server errors, timeouts, 429).",
    )
    paused_until = fields.Datetime(
        string="Sending Paused Until",
        readonly=True,
        help="LINE is failing: the channel waits, then tries one message before the others.",
    )

    def _breaker_failure(self, retry_after=None):
        """Count a channel-wide failure; open (or keep open) the breaker when it is time."""
        self.ensure_one()
        failures = self.failures_in_row + 1
        pause = None
        if retry_after is not None:
            pause = min(max(retry_after, 1), LONGEST_RETRY_AFTER)
        elif failures >= OPEN_AFTER:
            pause = pause_seconds(failures)
        until = fields.Datetime.now() + timedelta(seconds=pause) if pause else None
        self._breaker_update(
            SQL(
                # the latest news wins: a failed probe's pause replaces the probe's window
                "failures_in_row = %s, paused_until = COALESCE(%s, paused_until)",
                failures,
                until,
            )
        )

    def _breaker_success(self):
        self.ensure_one()
        if self.failures_in_row or self.paused_until:
            self._breaker_update(SQL("failures_in_row = 0, paused_until = NULL"))

    def _breaker_is_open(self):
        self.ensure_one()
        return self.failures_in_row >= OPEN_AFTER or bool(self.paused_until)

    def _breaker_paused(self):
        """Nothing may be sent now (a failure earlier in the same batch opened the breaker)."""
        self.ensure_one()
        return bool(self.paused_until) and self.paused_until > fields.Datetime.now()

    def _breaker_claim_probe(self):
        """The breaker is open and its pause is over: this worker's row is the probe; the
        others wait until it answers (or could have)."""
        self.ensure_one()
        wait = math.ceil(self.read_timeout + PROBE_GRACE)  # whole seconds, like the claim's clock
        until = fields.Datetime.now() + timedelta(seconds=wait)
        self._breaker_update(SQL("paused_until = %s", until))

    def _breaker_update(self, assignments):
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "UPDATE smart_kids_line_channel SET %s WHERE id = %s",
                        assignments,
                        self.id,
                    ),
                    log_exceptions=False,
                )
        except psycopg2.errors.SerializationFailure:
            return  # another worker updated the channel just now: its news is as good
        self.invalidate_recordset(["failures_in_row", "paused_until"])
