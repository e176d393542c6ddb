from itertools import combinations_with_replacement
from itertools import product

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.smart_kids.tests.common import checkin

from .common import FAKE
from .common import LineCase

QUIET = ("odoo.addons.smart_kids_line.models.smart_kids_line_message", "urllib3.connectionpool")
SCAN, ACCEPTED, ANSWER_LOST = "scan", "accepted", "answer lost"
NAMES = ("Alpha", "Bravo", "Charlie")


def interleavings(siblings, max_runs=2):
    """Each sibling's scan, in order, with up to ``max_runs`` sender runs before, between and
    after them; in each run LINE either answers, or accepts and the answer is lost (the row
    is retried later and LINE answers 409). Every later retry is in the final drain."""
    for runs in range(max_runs + 1):
        for slots in combinations_with_replacement(range(siblings + 1), runs):
            for outcomes in product((ACCEPTED, ANSWER_LOST), repeat=runs):
                steps, pending = [], list(zip(slots, outcomes, strict=True))
                for slot in range(siblings + 1):
                    steps += [outcome for at, outcome in pending if at == slot]
                    if slot < siblings:
                        steps.append(SCAN)
                yield tuple(steps)


@tagged("post_install", "-at_install")
class TestSiblingInterleavings(LineCase):
    """Siblings' check-ins are merged into one message while it waits, and never lost."""

    def _family(self, number, siblings):
        guardian = self.env["res.partner"].create(
            {
                "name": f"Guardian {number}",
                "line_user_id": f"U-family-{number}",
                "line_channel_id": self.channel.id,
                "line_link_active": True,
            }
        )
        children = self.env["smart_kids.child"]
        for name in NAMES[:siblings]:
            children |= self._child(
                self.centre_1,
                f"{name}{number}",
                guardian_ids=[fields.Command.create({"partner_id": guardian.id})],
                line_consent=True,
                line_consent_date="2026-01-05",
                line_consent_partner_id=guardian.id,
            )
        return guardian, children

    def _sender_run(self, guardian, outcome):
        """One worker takes the guardian's next message (held or not) and sends it."""
        due = self.Message.search([("partner_id", "=", guardian.id), ("state", "=", "queued")])
        if not due:
            return
        due.invalidate_recordset()
        self.env.cr.execute(
            "UPDATE smart_kids_line_message SET next_attempt_at = now() at time zone 'UTC'"
            " - interval '1 second' WHERE id = %s",
            [min(due.ids)],
        )
        if outcome == ANSWER_LOST:
            self.server.queue_faults(["lost_answer"])
        self.Message._cron_send(batch=1)
        self.env.invalidate_all()

    def _run(self, number, steps, siblings):
        guardian, children = self._family(number, siblings)
        to_scan = iter(children)
        for step in steps:
            if step == SCAN:
                checkin(
                    self.user_teacher,
                    "scan",
                    centre_id=self.centre_1.id,
                    payload=next(to_scan).card_payload,
                )
            else:
                self._sender_run(guardian, step)
        self.send_all()
        texts = [
            body["messages"][0]["text"]
            for body in self.server.deliveries(FAKE.PUSH)
            if body["to"] == guardian.line_user_id
        ]
        for child in children:
            self.assertEqual(
                sum(text.count(child.first_name) for text in texts),
                1,
                f"{child.first_name} is in exactly one message LINE accepted: {texts}",
            )
        messages = self.Message.search([("partner_id", "=", guardian.id)])
        self.assertEqual(set(messages.mapped("state")), {"sent"})
        return len(texts)

    def test_every_interleaving_of_two_and_three_siblings(self):
        cases = [(s, steps) for s in (2, 3) for steps in interleavings(s)]
        self.assertEqual(len(cases), 31 + 49)
        merged = 0
        with mute_logger(*QUIET):
            for number, (siblings, steps) in enumerate(cases):
                with self.subTest(siblings=siblings, steps=steps):
                    merged += self._run(number, steps, siblings) == 1
        self.assertGreater(merged, 2, "siblings scanned while the message waits share it")

    def test_a_claimed_message_cannot_change(self):
        guardian, children = self._family("frozen", 2)
        checkin(
            self.user_teacher, "scan", centre_id=self.centre_1.id, payload=children[0].card_payload
        )
        message = self.Message.search([("partner_id", "=", guardian.id)])
        with mute_logger(*QUIET):
            self._sender_run(guardian, ANSWER_LOST)
        self.assertEqual((message.state, message.attempts), ("queued", 1))
        with self.assertRaises(UserError):
            message.payload = '[{"type": "text", "text": "changed"}]'
        with self.assertRaises(UserError):
            message.child_ids = [fields.Command.link(children[1].id)]
