#!/usr/bin/env python3
"""Kill the Odoo process that is sending the LINE outbox (SIGKILL, mid-batch), restart it,
and check that every message reached (the fake) LINE exactly once.

Uses the LINE bench database (see line_bench.py). The fake LINE server answers slowly
(30 ms) so the kill lands in the middle of the batch. Rows the killed worker had marked
"sending" are made stale (as five minutes passing would) before the restart; the new
worker sends them again with their retry keys and LINE answers 409 for those it had
already accepted.

    python tests/bench/outbox_kill_check.py [--messages 300]
"""

import argparse
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from fake_line_server import PUSH
from fake_line_server import FakeLineServer
from line_bench import BULK_TARGET_PREFIX
from line_bench import MODULES
from line_bench import QUEUE
from line_bench import SETUP
from project_env import create_database
from project_env import odoo_cmd
from project_env import odoo_env
from project_env import odoo_shell
from project_env import shell_data

# Its own database, created anew at each run: the check never depends on older data.
DB = "smart_kids_outbox_kill"


def psql(query):
    return subprocess.run(
        ["psql", "-d", DB, "-tAc", query], capture_output=True, text=True, check=True
    ).stdout


def is_bulk(body):
    """One of the messages this check queued (the product may send its own, e.g. an
    unaccounted-child alert on a school-day afternoon: those are not counted)."""
    return isinstance(body, dict) and str(body.get("to", "")).startswith(BULK_TARGET_PREFIX)


def start_server(port):
    return subprocess.Popen(
        odoo_cmd(
            "--http-port",
            str(port),
            "--workers=0",
            "--max-cron-threads=1",
            "--log-level=warn",
            db=DB,
        ),
        env=odoo_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=300)
    args = parser.parse_args()
    fake = FakeLineServer(access_token="bench-token").start()
    fake.faults["delay"] = 0.03

    def bulk_deliveries():
        return [body for body in fake.deliveries(PUSH) if is_bulk(body)]

    servers = []
    try:
        create_database(DB, MODULES, fresh=True)
        channel_id = shell_data(DB, SETUP.format(count=1, fake_url=fake.url))["channel_id"]
        stamp = int(time.time())

        def sent_rows():
            return psql(
                "SELECT count(*) FROM smart_kids_line_message"
                f" WHERE dedupe_key LIKE 'bulk:%:{stamp}' AND state = 'sent'"
            ).strip()

        queued = odoo_shell(
            DB,
            QUEUE.format(
                n=args.messages, channel_id=channel_id, stamp=stamp, prefix=BULK_TARGET_PREFIX
            ),
        )
        if "QUEUED" not in queued.stdout:
            sys.exit(f"queueing failed: {queued.stderr[-2000:]}")
        from checkin_bench import free_port  # noqa: PLC0415

        server = start_server(free_port())
        servers.append(server)
        target = args.messages // 3

        def kill_after_acceptance(count):
            # LINE has accepted one of our messages; the worker dies before it hears so
            if len(bulk_deliveries()) == target:
                server.send_signal(signal.SIGKILL)

        fake.after_accept = kill_after_acceptance
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            sys.exit("the worker did not reach the kill point")
        fake.after_accept = None
        at_kill = len(bulk_deliveries())
        states = dict(
            line.split("|")
            for line in psql(
                f"SELECT state, count(*) FROM smart_kids_line_message WHERE dedupe_key LIKE 'bulk:%:{stamp}'"
                " GROUP BY state"
            ).split()
        )
        # five minutes passing: the killed worker's "sending" rows become stale
        psql(
            "UPDATE smart_kids_line_message SET write_date = write_date - interval '10 minutes'"
            " WHERE state = 'sending'"
        )
        server = start_server(free_port())
        servers.append(server)
        # wake the cron (the restarted server runs due crons at start, triggers cover the rest)
        deadline = time.monotonic() + 300
        while len(bulk_deliveries()) < args.messages:
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        # LINE has everything; let the worker record the last answers before it stops
        while int(sent_rows()) < args.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    finally:
        for process in servers:  # never leave a server behind, whatever happened
            if process.poll() is None:
                process.kill()
                process.wait()
        fake.stop()
    texts = Counter(body["messages"][0]["text"] for body in bulk_deliveries())
    pushes = [r for r in fake.requests if r[1] == PUSH and is_bulk(r[3])]
    others = len(fake.deliveries(PUSH)) - len(bulk_deliveries())
    sent = sent_rows()
    print(
        f"killed the sending worker (SIGKILL) right after LINE accepted message {at_kill} of "
        f"{args.messages}, before the worker got the answer; rows then: {states}"
    )
    print(
        f"after restart: {len(texts)} distinct messages delivered, max {max(texts.values())} per message, "
        f"{len(pushes)} push requests (replays answered 409), {sent} rows sent"
        f"; {others} other messages of the product itself (e.g. unaccounted-child alerts), not counted"
    )
    ok = len(texts) == args.messages and max(texts.values()) == 1 and int(sent) == args.messages
    print("EXACTLY ONCE" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
