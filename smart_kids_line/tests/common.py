import importlib.util
from pathlib import Path

from odoo import Command
from odoo.tests import HttpCase

from odoo.addons.smart_kids.tests.common import SmartKidsCommon


def load_fake_line_server():
    """The fake LINE server lives in the repository's top-level tests/ folder."""
    path = Path(__file__).resolve().parents[2] / "tests" / "fake_line_server.py"
    spec = importlib.util.spec_from_file_location("fake_line_server", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FAKE = load_fake_line_server()


class LineCommon(SmartKidsCommon):
    """A channel pointed at a fake LINE server, and a guardian linked to LINE."""

    @classmethod
    def setUpLine(cls):
        cls.setUpSmartKids()
        cls.server = FAKE.FakeLineServer(access_token="test-token", timeout_seconds=0.3).start()
        cls.addClassCleanup(cls.server.stop)
        cls.channel = cls.env["smart_kids.line.channel"].create(
            {
                "name": "Test OA",
                "access_token": "test-token",
                "channel_secret": "test-secret",
                "api_host": cls.server.url,
                "read_timeout": 0.15,
                "monthly_quota": 100000,
                "centre_ids": [Command.set((cls.centre_1 | cls.centre_2).ids)],
            }
        )
        cls.guardian.write(
            {
                "line_user_id": "U-guardian",
                "line_channel_id": cls.channel.id,
                "line_link_active": True,
            }
        )
        cls.child_1.write(
            {
                "line_consent": True,
                "line_consent_date": "2026-01-05",
                "line_consent_partner_id": cls.guardian.id,
            }
        )

    def reset_server(self):
        """Each test starts with a fresh fake LINE: nothing received, no faults."""
        server = self.server
        server.requests.clear()
        server.delivered.clear()
        server.accepted_ids.clear()
        server.fault_queue.clear()
        server.faults.update(error_rate=0.0, timeout_rate=0.0, retry_after=None)
        server._random = None
        server.consumption = 0

    def queue_messages(self, count, priority="1", prefix="msg"):
        """``count`` text messages "<prefix> <i>" to "U-<prefix>-<i>" on the test channel."""
        return self.env["smart_kids.line.message"]._enqueue(
            [
                {
                    "channel_id": self.channel.id,
                    "target": f"U-{prefix}-{i}",
                    "dedupe_key": f"{prefix}:{i}",
                    "priority": priority,
                    "payload": [{"type": "text", "text": f"{prefix} {i}"}],
                }
                for i in range(count)
            ]
        )

    def send_all(self, rounds=60):
        """Run the sender until nothing is queued, moving retries and the channels' pauses
        forward in time."""
        Message = self.env["smart_kids.line.message"]
        for _round in range(rounds):
            pending = Message.search([("state", "in", ("queued", "sending"))])
            if not pending:
                return
            self.env.cr.execute(
                "UPDATE smart_kids_line_message"
                " SET next_attempt_at = now() at time zone 'UTC' - interval '1 second'"
                " WHERE state = 'queued'"
            )
            self.env.cr.execute(
                "UPDATE smart_kids_line_channel SET paused_until = NULL"
                " WHERE paused_until IS NOT NULL"
            )
            self.env.invalidate_all()
            Message._cron_send(batch=10000)
            self.env.invalidate_all()
        self.fail("the outbox did not drain")


class LineCase(HttpCase, LineCommon):
    """A test class with the fake LINE server, fresh for each test (no requests, no faults)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpLine()
        cls.Message = cls.env["smart_kids.line.message"]

    def setUp(self):
        super().setUp()
        self.reset_server()
