"""The outbox: every message for LINE is a row, sent exactly once whatever happens.

Like mail.mail, rows are sent by a cron; a few rows at a time are marked ``sending`` (and
committed) *before* their HTTP calls, so a rollback after a call cannot send it twice, and
their results are committed together after the calls. Each row carries a retry key created
with it and reused on every attempt: LINE answers 409 to a key it already accepted, which we
record as sent. A row found ``sending`` after a crash is simply tried again with its key.

Because a retry key stands for the content LINE may already hold, a row is immutable once it
has been claimed: new content (a sibling scanned later) goes to a new row.
"""

import json
import logging
import math
import random
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import psycopg2
import urllib3
from linebot.v3.messaging import MulticastRequest
from linebot.v3.messaging import PushMessageRequest
from linebot.v3.messaging.exceptions import ApiException

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.smart_kids.models.cron_alarm import wake_crons_at

_logger = logging.getLogger(__name__)

SAFETY, INFORMATION = "0", "1"
# LINE forgets retry keys after 24 hours: stop retrying well before.
GIVE_UP_AFTER = timedelta(hours=23)
# A row left "sending" this long was interrupted (worker killed): send it again.
STALE_SENDING = timedelta(minutes=5)
# rows claimed in one transaction and whose results are committed together: two commits for
# this many messages, not three per message
CLAIM_BATCH = 20
# tries of a claim that met another sender's claim (each with a fresh snapshot)
CLAIM_ATTEMPTS = 5
# most requests one sender has with LINE at once (see SendingWaves)
PARALLEL_REQUESTS = 8
# a helper sender (a cron job of its own, run by another cron worker) sends at most this many
# per call; Odoo calls it again while rows remain (cron progress API, up to 10 calls a run)
HELPER_BATCH = 200
HELPER_CRONS = ("ir_cron_line_outbox_helper_1", "ir_cron_line_outbox_helper_2")
# LINE's multicast takes at most 500 userIds; it costs one message per recipient, as pushes do
MULTICAST_LIMIT = 500
MONTHLY_LIMIT_TEXT = "monthly limit"
# what LINE may already have received under the row's retry key
FROZEN_ONCE_CLAIMED = frozenset(
    {
        "payload",
        "target",
        "multicast_to",
        "child_ids",
        "retry_key",
        "channel_id",
        "recipients",
        "partner_id",
    }
)


def backoff(attempts, rng=random):
    """Seconds before a row's next attempt: exponential, capped at 2 minutes, with jitter.
    An outage of the whole channel is the breaker's business (``paused_until``): rows are not
    tried while it lasts, so it does not lengthen their own waits."""
    base = min(5 * 2 ** max(attempts - 1, 0), 120)
    return base * rng.uniform(0.5, 1.5)


def retry_after_seconds(headers):
    """LINE's ``Retry-After`` (seconds) of a 429, or None."""
    try:
        return int(headers.get("retry-after"))
    except (TypeError, ValueError):
        return None


class SendingWaves:
    """How one sender talks to LINE: a kept-alive SDK client per channel, and requests sent a
    wave at a time in parallel threads (LINE's round trip, not our CPU, is what a sender waits
    for). Like TCP's slow start, a wave is one request at first and after any failure, and
    doubles after each wave LINE answered in full, up to ``PARALLEL_REQUESTS``: an outage or a
    refused token costs a request or two before the breaker or the pause acts, not a wave."""

    def __init__(self):
        self.size = 1
        self.clients = {}
        self._pool = ThreadPoolExecutor(PARALLEL_REQUESTS)

    def run(self, calls):
        """Outcomes of ``calls`` (functions of no arguments, touching no record), in order."""
        outcomes = list(self._pool.map(lambda call: call(), calls))
        failed = any(isinstance(outcome, Exception) for outcome in outcomes)
        self.size = 1 if failed else min(self.size * 2, PARALLEL_REQUESTS)
        return outcomes

    def close(self):
        self._pool.shutdown()


class SmartKidsLineMessage(models.Model):
    _name = "smart_kids.line.message"
    _description = "LINE Message (Outbox)"
    _order = "priority, id"
    _rec_name = "dedupe_key"

    channel_id = fields.Many2one(
        "smart_kids.line.channel", required=True, index=True, ondelete="cascade"
    )
    target = fields.Char(required=True, help="LINE userId or groupId.")
    multicast_to = fields.Text(
        help="JSON list of LINE userIds: one multicast request instead of one push each."
    )
    partner_id = fields.Many2one("res.partner", string="Guardian", index=True, ondelete="set null")
    line_group_id = fields.Many2one(
        "smart_kids.line.group", string="LINE Group", ondelete="set null"
    )
    recipients = fields.Integer(default=1, help="How many people it reaches (quota counts each).")
    payload = fields.Text(required=True, help="JSON list of 1 to 5 LINE message objects.")
    dedupe_key = fields.Char(
        required=True, index=True, help="Same event, same recipient: one message."
    )
    retry_key = fields.Char(
        required=True, readonly=True, default=lambda self: str(uuid.uuid4()), copy=False
    )
    priority = fields.Selection(
        [(SAFETY, "Safety"), (INFORMATION, "Information")], default=INFORMATION, required=True
    )
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("sending", "Sending"),
            ("sent", "Sent"),
            ("blocked", "Waiting for Quota"),
            ("dead", "Failed"),
            ("cancelled", "Cancelled"),
        ],
        default="queued",
        required=True,
        index=True,
    )
    attempts = fields.Integer(readonly=True, default=0)
    next_attempt_at = fields.Datetime(default=fields.Datetime.now, index=True)
    last_error = fields.Text(readonly=True)
    request_id = fields.Char(readonly=True, help="x-line-request-id of the accepted request.")
    sent_at = fields.Datetime(readonly=True)
    child_ids = fields.Many2many("smart_kids.child", string="Children")
    occasion = fields.Char(
        index=True, help="Guardian and occasion (e.g. a day's check-in) siblings are merged by."
    )

    _sql_constraints = [
        (
            "dedupe_key_unique",
            "unique(channel_id, dedupe_key)",
            "This message is already in the outbox.",
        ),
    ]

    # ------------------------------------------------------------------
    # Queueing
    # ------------------------------------------------------------------
    @api.model
    def _enqueue(self, vals_list):
        """Queue messages, skipping those already queued (same dedupe key), and wake the sender."""
        keys = [(vals["channel_id"], vals["dedupe_key"]) for vals in vals_list]
        existing = {
            (m.channel_id.id, m.dedupe_key)
            for m in self.sudo().search([("dedupe_key", "in", [key for _channel, key in keys])])
        }
        fresh = [
            vals for vals in vals_list if (vals["channel_id"], vals["dedupe_key"]) not in existing
        ]
        for vals in fresh:
            for key in ("payload", "multicast_to"):
                if isinstance(vals.get(key), list):
                    vals[key] = json.dumps(vals[key], ensure_ascii=False)
        messages = self.sudo().create(fresh)
        if messages:
            self._trigger_sending(min(messages.mapped("next_attempt_at")))
        return messages

    @api.model
    def _enqueue_for_guardian(self, vals, child, render):
        """Tell a guardian about ``child`` on an occasion (``vals["occasion"]``): into the
        guardian's message for that occasion while it still waits (siblings in one message),
        otherwise a message of its own. ``render(children)`` gives the payload. Nothing is
        dropped: a child already in a message of the occasion is skipped, nothing else."""
        occasion = vals["occasion"]
        same_occasion = [
            ("channel_id", "=", vals["channel_id"]),
            ("partner_id", "=", vals["partner_id"]),
            ("occasion", "=", occasion),
        ]
        if self.sudo().search_count(
            [*same_occasion, ("child_ids", "in", child.ids), ("state", "!=", "cancelled")]
        ):
            return self.browse()
        waiting = self._lock_unclaimed(vals["channel_id"], vals["partner_id"], occasion)
        if waiting:
            children = waiting.child_ids | child
            waiting.write(
                {
                    "child_ids": [fields.Command.link(child.id)],
                    "payload": json.dumps(render(children), ensure_ascii=False),
                }
            )
            return waiting
        return self._enqueue(
            [
                {
                    **vals,
                    "dedupe_key": f"{occasion}:{child.id}",
                    "child_ids": [fields.Command.set(child.ids)],
                    "payload": render(child),
                }
            ]
        )

    @api.model
    def _lock_unclaimed(self, channel_id, partner_id, occasion):
        """The guardian's message for the occasion that no worker has claimed yet, locked
        until this transaction ends (a worker skips it meanwhile), or nothing."""
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM smart_kids_line_message
                 WHERE channel_id = %s AND partner_id = %s AND occasion = %s
                   AND state = 'queued' AND COALESCE(attempts, 0) = 0
              ORDER BY id LIMIT 1
                   FOR UPDATE SKIP LOCKED
                """,
                channel_id,
                partner_id,
                occasion,
            )
        )
        row = self.env.cr.fetchone()
        message = self.sudo().browse(row[0] if row else [])
        message.invalidate_recordset()  # read as locked, not as cached
        return message

    def write(self, vals):
        if FROZEN_ONCE_CLAIMED.intersection(vals) and any(
            m.attempts or m.state != "queued" for m in self
        ):
            raise UserError(
                self.env._(
                    "A LINE message cannot change once it has been handed to LINE: queue a new one."
                )
            )
        return super().write(vals)

    @api.model
    def _trigger_sending(self, at=None):
        """Run the sender now, or at ``at`` exactly (not at the cron workers' next poll)."""
        cron = self.env.ref("smart_kids_line.ir_cron_line_outbox", raise_if_not_found=False)
        if cron:
            cron._trigger(at=at)
            if at:
                wake_crons_at(self.env.cr, [at])

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    @api.model
    def _cron_send(self, batch=1000, helper=False):
        """Send what is due, a few rows per transaction. When more than a batch is waiting the
        helpers are called: cron jobs of their own, so that idle cron workers claim rows in
        parallel (``SKIP LOCKED``: never the same row)."""
        if helper:
            batch = min(batch, HELPER_BATCH)
        else:
            self._recover_stale()
        done = 0
        waves = SendingWaves()  # for the whole run: connections are kept alive between batches
        try:
            while done < batch:
                with self.env.registry.cursor() as cr:
                    outbox = self.with_env(self.env(cr=cr))
                    claimed = outbox._claim_due(min(CLAIM_BATCH, batch - done))
                    if not claimed:
                        break
                    if not helper and not done and len(claimed) == CLAIM_BATCH:
                        outbox._call_helpers()
                    claimed._send_claimed(waves)
                done += len(claimed)
        finally:
            waves.close()
        now = fields.Datetime.now()
        sendable = [
            ("state", "=", "queued"),
            ("channel_id.state", "=", "active"),
            "|",
            ("channel_id.paused_until", "=", False),
            ("channel_id.paused_until", "<=", now),
        ]
        remaining = self.search_count([*sendable, ("next_attempt_at", "<=", now)])
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        # wake up when the next row is due or a paused channel may be probed
        upcoming = self.search(
            [("state", "=", "queued"), ("next_attempt_at", ">", now)],
            order="next_attempt_at",
            limit=1,
        )
        paused = self.env["smart_kids.line.channel"].search(
            [("paused_until", ">", now), ("state", "=", "active")], order="paused_until", limit=1
        )
        moments = [m for m in (upcoming.next_attempt_at, paused.paused_until) if m]
        if moments:
            self._trigger_sending(min(moments))
        return done

    @api.model
    def _call_helpers(self):
        """Wake the helper senders (committed with the current batch, then notified)."""
        for xmlid in HELPER_CRONS:
            cron = self.env.ref(f"smart_kids_line.{xmlid}", raise_if_not_found=False)
            if cron and cron.active:
                cron._trigger()

    @api.model
    def _recover_stale(self):
        """Rows left "sending" by a worker that died are sent again, with the same retry key."""
        with self.env.registry.cursor() as cr:
            outbox = self.with_env(self.env(cr=cr))
            stale = outbox.search(
                [
                    ("state", "=", "sending"),
                    ("write_date", "<", fields.Datetime.now() - STALE_SENDING),
                ]
            )
            stale.write({"state": "queued", "next_attempt_at": fields.Datetime.now()})

    @api.model
    def _claim_due(self, limit):
        """Take due rows and mark them sending, committed before anything is sent. From a
        channel whose breaker is open, only one row: its probe."""
        for _attempt in range(CLAIM_ATTEMPTS):
            try:
                return self._claim_due_once(limit)
            except psycopg2.errors.SerializationFailure:
                # another sender claimed a row of our snapshot and committed just before we
                # locked it (SKIP LOCKED skips rows locked now, not rows changed since)
                self.env.cr.rollback()
        return self.browse()

    def _claim_due_once(self, limit):
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                SELECT m.id, m.channel_id FROM smart_kids_line_message m
                  JOIN smart_kids_line_channel c ON c.id = m.channel_id
                 WHERE m.state = 'queued' AND m.next_attempt_at <= %s AND c.state = 'active'
                   AND (c.quota_blocked IS NOT TRUE OR m.priority = %s)
                   AND (c.paused_until IS NULL OR c.paused_until <= %s)
              ORDER BY m.priority, m.next_attempt_at, m.id
                 LIMIT %s
                   FOR UPDATE OF m SKIP LOCKED
                """,
                now,
                SAFETY,
                now,
                limit,
            ),
            log_exceptions=False,
        )
        rows = self.env.cr.fetchall()
        channels = self.env["smart_kids.line.channel"].browse({c for _m, c in rows})
        probing = channels.filtered(lambda c: c._breaker_is_open())
        ids, probed = [], set()
        for message_id, channel_id in rows:
            if channel_id in probing.ids:
                if channel_id in probed:
                    continue  # locked until this commit, then free for the next worker
                probed.add(channel_id)
            ids.append(message_id)
        if not ids:
            return self.browse()
        self.env.cr.execute(
            SQL(
                "UPDATE smart_kids_line_message"
                " SET state = 'sending', attempts = COALESCE(attempts, 0) + 1,"
                " write_date = %s WHERE id = ANY(%s)",
                now,
                ids,
            )
        )
        for channel in probing:
            channel._breaker_claim_probe()
        # marked before sending, so a rollback after the call cannot send it twice
        self.env.cr.commit()  # pylint: disable=invalid-commit
        return self.browse(ids)

    def _send_claimed(self, waves=None):
        """Send claimed rows a wave at a time (``SendingWaves``), recording each wave's answers
        in order, then commit the results together. A row whose channel an earlier wave paused
        (token refused, breaker) goes back to the queue untried."""
        own_waves = waves is None
        waves = SendingWaves() if own_waves else waves
        probes = self.channel_id.filtered(lambda c: c._breaker_paused())  # paused for our probe
        rows = list(self)
        try:
            while rows:
                wave, rows = rows[: waves.size], rows[waves.size :]
                calls = []
                for message in wave:
                    channel = message.channel_id
                    paused = channel not in probes and channel._breaker_paused()
                    if channel.state != "active" or paused:
                        message._release()
                        continue
                    call = message._prepare_call(waves.clients)
                    if call:
                        calls.append((message, call))
                outcomes = waves.run([call for _message, call in calls])
                for (message, _call), outcome in zip(calls, outcomes, strict=True):
                    try:
                        with self.env.cr.savepoint():
                            message._record_outcome(outcome)
                    except BaseException:
                        self._commit_results()
                        raise  # the rows before keep their results; the rest are found stale
        finally:
            if own_waves:
                waves.close()
        self._commit_results()

    def _commit_results(self):
        """Commit the batch's results with what LINE accepted counted in the quota ledger."""
        self.invalidate_recordset(["state"])  # a failed row's savepoint was rolled back
        self.env["smart_kids.line.quota"]._record_sent(self.filtered(lambda m: m.state == "sent"))
        self.env.cr.commit()  # pylint: disable=invalid-commit

    def _release(self):
        self.write({"state": "queued", "attempts": max(self.attempts - 1, 0)})

    def _prepare_call(self, clients):
        """The LINE request of this row as a function of no arguments that touches no record
        (it runs in another thread) and returns the answer or the error; None when LINE would
        refuse the row anyway (marked dead)."""
        self.ensure_one()
        channel = self.channel_id
        try:
            messages = json.loads(self.payload)
            if self.multicast_to:
                request = MulticastRequest.from_dict(
                    {"to": json.loads(self.multicast_to), "messages": messages}
                )
            else:
                request = PushMessageRequest.from_dict({"to": self.target, "messages": messages})
        except (ValueError, TypeError) as error:  # LINE would refuse it: do not retry
            self._finish({"state": "dead", "last_error": f"{type(error).__name__}: {error}"})
            return None
        if channel.id not in clients:
            clients[channel.id] = channel._messaging_api()
        api = clients[channel.id]
        send = (
            api.multicast_with_http_info if self.multicast_to else api.push_message_with_http_info
        )
        retry_key, timeout = self.retry_key, (3, channel.read_timeout)

        def call():
            try:
                return send(request, x_line_retry_key=retry_key, _request_timeout=timeout)
            except (ApiException, urllib3.exceptions.HTTPError, OSError) as error:
                return error

        return call

    def _record_outcome(self, outcome):
        if isinstance(outcome, ApiException):
            self._handle_api_error(outcome)
        elif isinstance(outcome, (urllib3.exceptions.HTTPError, OSError)):
            self._retry_later(f"{type(outcome).__name__}: {outcome}", channel_wide=True)
        else:
            self._mark_sent(dict(outcome.headers or {}).get("x-line-request-id"))

    def _mark_sent(self, request_id):
        self._finish(
            {
                "state": "sent",
                "sent_at": fields.Datetime.now(),
                "request_id": request_id,
                "last_error": False,
            }
        )
        self.channel_id._breaker_success()

    def _finish(self, vals):
        self.write(vals)

    def _handle_api_error(self, error):
        status = error.status
        body = (
            (error.body or b"").decode() if isinstance(error.body, bytes) else str(error.body or "")
        )
        headers = {k.lower(): v for k, v in dict(error.headers or {}).items()}
        if status == 409:  # this retry key was accepted already: it was sent
            self._mark_sent(headers.get("x-line-accepted-request-id"))
        elif status == 400:
            self._finish({"state": "dead", "last_error": f"400: {body}"})
        elif status in (401, 403):
            self._finish({"state": "queued", "last_error": f"{status}: {body}"})
            if self.channel_id.state != "paused":
                self.channel_id.sudo().state = "paused"
                self.channel_id._alert_admins(
                    self.env._("LINE channel paused"),
                    self.env._(
                        "LINE refused the channel's access token (%(status)s). Messages wait "
                        "in the outbox: fix the token, then resume the channel.",
                        status=status,
                    ),
                )
        elif status == 429 and MONTHLY_LIMIT_TEXT in body.lower():
            self._on_monthly_limit(body)
        elif status == 429:
            retry_after = retry_after_seconds(headers)
            self._retry_later(f"{status}: {body}", channel_wide=True, retry_after=retry_after or 5)
        elif status and status >= 500:
            self._retry_later(f"{status}: {body}", channel_wide=True)
        else:
            self._finish({"state": "dead", "last_error": f"{status}: {body}"})

    def _on_monthly_limit(self, body):
        channel = self.channel_id.sudo()
        if self.priority == INFORMATION:
            self._finish({"state": "blocked", "last_error": f"429: {body}"})
        else:
            self._retry_later(f"429: {body}", minimum=600)
        if not channel.quota_blocked:
            channel.quota_blocked = True
            # information waits for the quota; safety messages keep their turn
            self.search(
                [
                    ("channel_id", "=", channel.id),
                    ("state", "=", "queued"),
                    ("priority", "=", INFORMATION),
                ]
            ).write({"state": "blocked"})
            channel._alert_admins(
                self.env._("LINE monthly limit reached"),
                self.env._(
                    "LINE refuses more messages this month. Information messages wait; safety "
                    "messages keep being tried. Upgrade the plan, then release the waiting "
                    "messages."
                ),
            )

    def _retry_later(self, error, minimum=0, channel_wide=False, retry_after=None):
        """Try the row again later; ``channel_wide`` failures (LINE down, slow or rate
        limiting) also count on the channel's breaker."""
        if channel_wide:
            self.channel_id._breaker_failure(retry_after)
        if fields.Datetime.now() - self.create_date > GIVE_UP_AFTER:
            self._finish(
                {"state": "dead", "last_error": f"gave up after {self.attempts} attempts: {error}"}
            )
            self.channel_id._alert_admins(
                self.env._("LINE message not delivered"),
                self.env._(
                    "A message to %(target)s could not be delivered within a day: %(error)s",
                    target=self.partner_id.name or self.target,
                    error=error,
                ),
            )
            return
        delay = max(backoff(self.attempts), minimum)
        self._finish(
            {
                "state": "queued",
                "last_error": error,
                # whole seconds, like the claim's clock (fields.Datetime.now()): a row due at
                # 12:00:01.57 would not be due for a sender woken at 12:00:01
                "next_attempt_at": fields.Datetime.now() + timedelta(seconds=math.ceil(delay)),
            }
        )

    # ------------------------------------------------------------------
    # Admin actions
    # ------------------------------------------------------------------
    def action_retry(self):
        self.filtered(lambda m: m.state in ("dead", "blocked", "cancelled")).write(
            {"state": "queued", "next_attempt_at": fields.Datetime.now()}
        )
        self._trigger_sending()

    def action_cancel(self):
        self.filtered(lambda m: m.state in ("queued", "blocked", "dead")).write(
            {"state": "cancelled"}
        )
