import json
from collections import Counter
from unittest.mock import patch

import psycopg2

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.smart_kids_line.models.smart_kids_line_message import PARALLEL_REQUESTS

from .common import FAKE
from .common import LineCase

QUIET = ("odoo.addons.smart_kids_line.models.smart_kids_line_message", "urllib3.connectionpool")


@tagged("post_install", "-at_install")
class TestOutbox(LineCase):
    def _delivered_texts(self):
        return [body["messages"][0]["text"] for body in self.server.deliveries(FAKE.PUSH)]

    def test_thousand_messages_through_faults_arrive_exactly_once(self):
        self.server.faults.update(error_rate=0.3, timeout_rate=0.1, seed=42)
        self.server.queue_faults(["rate_limit"] * 25)
        messages = self.queue_messages(1000)
        with mute_logger(*QUIET):
            self.send_all(rounds=300)  # 40 % failures open the channel's breaker now and then
        self.assertEqual(set(messages.mapped("state")), {"sent"})
        texts = self._delivered_texts()
        self.assertEqual(len(texts), 1000)
        self.assertEqual(Counter(texts).most_common(1)[0][1], 1, "nothing delivered twice")
        retried = messages.filtered(lambda m: m.attempts > 1)
        self.assertGreater(len(retried), 300, "the faults really happened")
        keys = {
            req[2].get("x-line-retry-key") for req in self.server.requests if req[1] == FAKE.PUSH
        }
        self.assertEqual(len(keys), 1000, "each message kept one retry key over all its attempts")
        self.assertEqual(
            self.env["smart_kids.line.quota"].search([("channel_id", "=", self.channel.id)]).used,
            1000,
        )

    def test_worker_killed_after_sending_loses_and_duplicates_nothing(self):
        messages = self.queue_messages(20)
        real_mark_sent = type(self.Message)._mark_sent
        calls = {"n": 0}

        def crash_on_fifth(message, request_id):
            calls["n"] += 1
            if calls["n"] == 5:
                raise KeyboardInterrupt("worker killed")  # after LINE accepted, before our commit
            return real_mark_sent(message, request_id)

        # not assertRaises: it would roll back what the sender committed
        interrupted = False
        with patch.object(type(self.Message), "_mark_sent", crash_on_fifth), mute_logger(*QUIET):
            try:
                self.Message._cron_send(batch=100)
            except KeyboardInterrupt:
                interrupted = True
        self.assertTrue(interrupted)
        self.Message.invalidate_model()
        self.assertEqual(
            Counter(messages.mapped("state")), Counter({"sent": 4, "sending": 16}), "claimed by 20"
        )
        # the next worker finds the interrupted row once it is stale and sends it again
        self.env.cr.execute(
            "UPDATE smart_kids_line_message SET write_date = write_date - interval '1 hour'"
            " WHERE state = 'sending'"
        )
        with mute_logger(*QUIET):
            self.send_all()
        self.assertEqual(set(messages.mapped("state")), {"sent"})
        texts = self._delivered_texts()
        self.assertEqual(sorted(texts), sorted(f"msg {i}" for i in range(20)))
        pushes = [r for r in self.server.requests if r[1] == FAKE.PUSH]
        # waves of 1, 2 and 4 requests: the fifth answer was the second of the third wave;
        # it and the two after it, which LINE had accepted, went again and were answered 409
        self.assertEqual(len(pushes), 23)

    def test_bad_request_is_dead_unauthorized_pauses(self):
        self.server.queue_faults(["bad_request"])
        dead = self.queue_messages(1, prefix="bad")
        with mute_logger(*QUIET):
            self.Message._cron_send()
        self.env.invalidate_all()
        self.assertEqual(dead.state, "dead")
        self.assertIn("400", dead.last_error)

        self.server.queue_faults(["unauthorized"])
        waiting = self.queue_messages(3, prefix="auth")
        with mute_logger(*QUIET):
            self.Message._cron_send()
        self.env.invalidate_all()
        self.assertEqual(self.channel.state, "paused")
        self.assertEqual(set(waiting.mapped("state")), {"queued"}, "nothing lost while paused")
        self.assertTrue(self.channel.activity_ids, "administrators are alerted")
        self.channel.action_resume()
        with mute_logger(*QUIET):
            self.send_all()
        self.assertEqual(set(waiting.mapped("state")), {"sent"})

    def test_monthly_limit_blocks_information_not_safety(self):
        self.server.queue_faults(["monthly_limit"] * 2)
        safety = self.queue_messages(1, priority="0", prefix="safe")
        info = self.queue_messages(1, priority="1", prefix="info")
        with mute_logger(*QUIET):
            self.Message._cron_send()
        self.env.invalidate_all()
        self.assertTrue(self.channel.quota_blocked)
        self.assertEqual(info.state, "blocked")
        self.assertEqual(safety.state, "queued", "safety messages keep trying")
        with mute_logger(*QUIET):
            self.send_all()
        self.assertEqual((safety.state, info.state), ("sent", "blocked"))
        self.channel.action_unblock_quota()
        with mute_logger(*QUIET):
            self.send_all()
        self.assertEqual(info.state, "sent")

    def test_duplicates_are_not_queued_and_payload_limits_hold(self):
        first = self.queue_messages(1, prefix="same")
        again = self.queue_messages(1, prefix="same")
        self.assertTrue(first)
        self.assertFalse(again, "same dedupe key: not queued twice")
        too_many = self.Message._enqueue(
            [
                {
                    "channel_id": self.channel.id,
                    "target": "U1",
                    "dedupe_key": "six",
                    "payload": [{"type": "text", "text": str(i)} for i in range(6)],
                }
            ]
        )
        with mute_logger(*QUIET):
            self.Message._cron_send()
        self.env.invalidate_all()
        self.assertEqual(too_many.state, "dead", "more than five objects is refused, not retried")
        self.assertEqual(json.loads(first.payload)[0]["type"], "text")

    def test_gives_up_before_line_forgets_the_retry_key(self):
        old = self.queue_messages(1, prefix="old")
        self.env.cr.execute(
            "UPDATE smart_kids_line_message"
            " SET create_date = create_date - interval '23 hours 30 minutes' WHERE id = %s",
            (old.id,),
        )
        self.server.queue_faults(["error"])
        with mute_logger(*QUIET):
            self.Message._cron_send()
        self.env.invalidate_all()
        self.assertEqual(old.state, "dead")
        self.assertIn("gave up", old.last_error)
        self.assertIn("could not be delivered", self.channel.message_ids[:1].body)

    def test_quota_ledger_alerts_at_80_and_95_percent(self):
        self.channel.monthly_quota = 20
        self.queue_messages(16, prefix="quota")
        with mute_logger(*QUIET):
            self.send_all()
        ledger = self.env["smart_kids.line.quota"].search([("channel_id", "=", self.channel.id)])
        self.assertEqual((ledger.used, ledger.alerted_level), (16, 80))
        self.queue_messages(3, prefix="quota-more")
        with mute_logger(*QUIET):
            self.send_all()
        self.assertEqual((ledger.used, ledger.alerted_level), (19, 95))
        self.assertEqual(
            len(
                self.channel.message_ids.filtered(
                    lambda m: "messages of the month" in (m.body or "")
                )
            ),
            2,
        )

    def test_parallel_senders_count_the_quota_without_a_shared_counter(self):
        """Each batch adds its own usage row in its own transaction (one counter row updated
        by several senders would fail all but one under repeatable read); more than a batch
        waiting calls the helper senders."""
        helpers = self.env.ref("smart_kids_line.ir_cron_line_outbox_helper_1") | self.env.ref(
            "smart_kids_line.ir_cron_line_outbox_helper_2"
        )
        Trigger = self.env["ir.cron.trigger"]
        Usage = self.env["smart_kids.line.quota.usage"]
        self.queue_messages(5, prefix="few")
        with mute_logger(*QUIET):
            self.send_all()
        self.assertFalse(Trigger.search([("cron_id", "in", helpers.ids)]), "one batch: no help")
        self.queue_messages(45, prefix="many")
        with mute_logger(*QUIET):
            self.send_all()
        self.assertEqual(Trigger.search([("cron_id", "in", helpers.ids)]).cron_id, helpers)
        usage = Usage.search([("channel_id", "=", self.channel.id)])
        self.assertEqual(usage.mapped("recipients"), [5, 20, 20, 5], "a row per batch")
        ledger = self.env["smart_kids.line.quota"].search([("channel_id", "=", self.channel.id)])
        self.assertEqual(ledger.used, 50)
        self.assertEqual(ledger.used, len(self.server.deliveries(FAKE.PUSH)))
        # the helpers send as the sender does, a bounded share each
        self.queue_messages(30, prefix="helped")
        self.env.cr.execute(
            "UPDATE smart_kids_line_message SET next_attempt_at = now() at time zone 'UTC'"
            " - interval '1 second' WHERE state = 'queued'"
        )
        self.assertEqual(self.Message._cron_send(helper=True), 30)
        self.env.invalidate_all()  # the sender committed on its own cursor
        self.assertEqual(ledger.used, 80)

    def test_claim_that_meets_another_senders_claim_tries_again(self):
        """Under repeatable read, locking a row another sender claimed and committed after our
        snapshot fails (SKIP LOCKED does not skip it): the claim starts again, quietly."""
        self.queue_messages(3, prefix="race")
        real_claim = type(self.Message)._claim_due_once
        calls = {"n": 0}

        def concurrent_update_once(outbox, limit):
            calls["n"] += 1
            if calls["n"] == 1:
                outbox.env.cr.execute("SELECT 1")  # a statement the retry rolls back
                raise psycopg2.errors.SerializationFailure("could not serialize access")
            return real_claim(outbox, limit)

        with patch.object(type(self.Message), "_claim_due_once", concurrent_update_once):
            with mute_logger(*QUIET):
                self.send_all()
        self.assertGreater(calls["n"], 1)
        self.assertEqual(len(self.server.deliveries(FAKE.PUSH)), 3)

    def test_a_sender_has_several_requests_with_line_at_once(self):
        """Waves of 1, 2, 4, then 8 parallel requests on kept-alive connections."""
        self.server.faults["delay"] = 0.05  # a round trip to LINE
        self.server.max_in_flight = self.server.connections = 0
        self.queue_messages(40, prefix="wave")
        try:
            with mute_logger(*QUIET):
                self.send_all()
        finally:
            self.server.faults["delay"] = 0.0
        self.assertEqual(len(self.server.deliveries(FAKE.PUSH)), 40)
        self.assertEqual(self.server.max_in_flight, PARALLEL_REQUESTS)
        self.assertLessEqual(self.server.connections, PARALLEL_REQUESTS, "connections reused")

    def test_staff_cannot_read_the_outbox(self):
        self.queue_messages(1, prefix="secret")
        for user in (self.user_teacher, self.user_head, self.user_province):
            with self.assertRaises(AccessError):
                self.Message.with_user(user).search([])
            with self.assertRaises(AccessError):
                self.channel.with_user(user).read(["access_token"])
