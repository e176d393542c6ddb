#!/usr/bin/env python3
"""Check-in to LINE receipt latency, and outbox throughput, against the fake LINE server.

One Odoo server on 127.0.0.1 (one HTTP worker thread, one cron thread) with smart_kids and
smart_kids_line, its channel pointed at tests/fake_line_server.py on another loopback port.

1. Latency: a kiosk check-in per child (each child has one linked guardian with consent),
   with the check-in rule's sibling wait as shipped (5 s); the clock stops when the fake
   server receives that guardian's push. Sequential, so each is a full path: HTTP scan,
   commit, the wait, the cron woken at its end (cron_alarm), claim, push.
2. Throughput: N messages queued at once; time until the fake server has accepted all.
3. Outage: N messages queued while the fake LINE answers 500 to everything for 60 s; the
   requests sent meanwhile, and the time from LINE's recovery until all are accepted.

Bounded in count and time; servers bind 127.0.0.1 and are stopped by PID at the end.

    python tests/bench/line_bench.py [--checkins 20] [--messages 1000] [--outage 60]
"""

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from checkin_bench import odoo_server
from checkin_bench import peak_rss_mb
from checkin_bench import percentile
from fake_line_server import PUSH
from fake_line_server import FakeLineServer
from project_env import create_database
from project_env import odoo_shell
from project_env import shell_data

DB = "smart_kids_line_bench"
TIME_LIMIT = 600
MODULES = "smart_kids_line"
# Targets of the messages queued by QUEUE: what a check counts is told apart from what the
# product sends by itself meanwhile (e.g. an unaccounted-child alert after the deadline).
BULK_TARGET_PREFIX = "Ubulk"
OUTAGE_TARGET_PREFIX = "Uoutage"
OUTAGE_MESSAGES = 300

SETUP = """
import json
from odoo import Command, fields
from dateutil.relativedelta import relativedelta
count, fake_url = {count}, {fake_url!r}
Area = env["smart_kids.area"]
centre = env["smart_kids.centre"].search([("name", "=", "LINE Bench Centre")])
if not centre:
    province = Area.create({{"name": "LINE Bench Province", "area_type": "province"}})
    lao = Area.create({{"name": "LINE Bench LAO", "area_type": "lao", "parent_id": province.id}})
    centre = env["smart_kids.centre"].create({{"name": "LINE Bench Centre", "lao_id": lao.id}})
channel = env["smart_kids.line.channel"].search([("name", "=", "Bench OA")])
if not channel:
    channel = env["smart_kids.line.channel"].create({{"name": "Bench OA", "access_token": "bench-token",
        "channel_secret": "bench-secret", "centre_ids": [Command.set(centre.ids)], "monthly_quota": 10**7}})
channel.write({{"api_host": fake_url, "state": "active", "quota_blocked": False}})
env.ref("smart_kids_line.trigger_check_in").merge_delay = 5  # as shipped
# only the check-in rule: the product's own messages to the same guardians (the unaccounted-
# child alert after the deadline, the monthly vaccination reminder when the server starts)
# would be taken for their check-in message
env["smart_kids.line.trigger"].search([("event", "!=", "check_in")]).active = False
channel.write({{"failures_in_row": 0, "paused_until": False}})
children = env["smart_kids.child"].search([("centre_id", "=", centre.id)])
birth = fields.Date.today() - relativedelta(years=3)
env["res.lang"]._activate_lang("th_TH")  # guardians read Thai, as real ones do
for i in range(len(children), count):
    partner = env["res.partner"].create({{"name": f"Guardian {{i}}", "lang": "th_TH", "line_user_id": f"U{{i:05d}}",
        "line_channel_id": channel.id, "line_link_active": True}})
    env["smart_kids.child"].create({{"title": "girl", "first_name": f"Line{{i:05d}}", "last_name": "Bench",
        "birth_date": birth, "centre_id": centre.id,
        "guardian_ids": [Command.create({{"partner_id": partner.id}})],
        "line_consent": True, "line_consent_date": fields.Date.today(), "line_consent_partner_id": partner.id}})
env["smart_kids.attendance"].search([("centre_id", "=", centre.id)]).unlink()
env["smart_kids.line.message"].search([]).unlink()
env.cr.commit()
children = env["smart_kids.child"].search([("centre_id", "=", centre.id)], order="id")
print("BENCH_DATA=" + json.dumps({{"token": centre.kiosk_token, "centre_id": centre.id,
    "channel_id": channel.id,
    "cards": children.mapped("card_payload"), "users": children.guardian_ids.partner_id.mapped("line_user_id")}}))
"""

QUEUE = """
import json
n, channel_id, prefix = {n}, {channel_id}, {prefix!r}
env["smart_kids.line.message"]._enqueue([
    {{"channel_id": channel_id, "target": f"{prefix}{{i:05d}}", "dedupe_key": f"bulk:{{i}}:{{{stamp}}}",
      "payload": [{{"type": "text", "text": f"bulk {{i}}"}}]}} for i in range(n)])
env.cr.commit()
print("QUEUED")
"""


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--checkins", type=int, default=20)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--outage", type=int, default=60, help="seconds LINE is down")
    args = parser.parse_args()
    fake = FakeLineServer(access_token="bench-token").start()
    create_database(DB, MODULES, fresh=True)  # this tree's modules, not an older copy
    data = shell_data(DB, SETUP.format(count=args.checkins, fake_url=fake.url))
    latencies = []
    try:
        with odoo_server(DB, cron_threads=1) as (base, pid):
            session = requests.Session()
            started = time.monotonic()
            for card, user in zip(data["cards"], data["users"], strict=True):
                begin = time.perf_counter()
                session.post(
                    f"{base}/smart_kids/kiosk/checkin/scan",
                    json={
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {
                            "token": data["token"],
                            "centre_id": data["centre_id"],
                            "payload": card,
                        },
                    },
                    timeout=10,
                ).raise_for_status()
                while not any(body.get("to") == user for body in fake.deliveries(PUSH)):
                    if time.perf_counter() - begin > 60:
                        sys.exit(f"no LINE message for {user} within 60 s")
                    time.sleep(0.005)
                latencies.append((time.perf_counter() - begin) * 1000)
                if time.monotonic() - started > TIME_LIMIT:
                    break

            def delivered(prefix):
                return sum(
                    str(body.get("to", "")).startswith(prefix) for body in fake.deliveries(PUSH)
                )

            def queue(prefix, n):
                queued = odoo_shell(
                    DB,
                    QUEUE.format(
                        n=n, channel_id=data["channel_id"], stamp=int(time.time()), prefix=prefix
                    ),
                )
                if "QUEUED" not in queued.stdout:
                    sys.exit(f"queueing failed: {queued.stderr[-2000:]}")

            def wait_for(prefix, n):
                begin = time.perf_counter()
                while delivered(prefix) < n:
                    if time.perf_counter() - begin > TIME_LIMIT:
                        sys.exit("the outbox did not drain in time")
                    time.sleep(0.05)
                return time.perf_counter() - begin

            queued_at = time.monotonic()
            queue(BULK_TARGET_PREFIX, args.messages)
            drain = wait_for(BULK_TARGET_PREFIX, args.messages)
            bulk = [
                at
                for at, body in fake.accepted_at
                if str(body.get("to", "")).startswith(BULK_TARGET_PREFIX)
            ]
            first_after = bulk[0] - queued_at
            steady = (len(bulk) - 1) / (bulk[-1] - bulk[0])

            # LINE down for everything: the channel's breaker, then the backlog after
            fake.faults.update(error_rate=1.0)
            down_since, requests_before = time.monotonic(), len(fake.requests)
            queue(OUTAGE_TARGET_PREFIX, OUTAGE_MESSAGES)
            time.sleep(max(args.outage - (time.monotonic() - down_since), 0))
            during = len(fake.requests) - requests_before
            fake.faults.update(error_rate=0.0)
            recovery = wait_for(OUTAGE_TARGET_PREFIX, OUTAGE_MESSAGES)
            time.sleep(2)  # anything sent twice would arrive now
            texts = Counter(
                body["messages"][0]["text"]
                for body in fake.deliveries(PUSH)
                if str(body.get("to", "")).startswith(OUTAGE_TARGET_PREFIX)
            )
            lost = OUTAGE_MESSAGES - len(texts)
            duplicated = sum(count - 1 for count in texts.values())
            rss = peak_rss_mb(pid)
    finally:
        fake.stop()
    print(
        f"\nCheck-in -> fake LINE receipt (5 s sibling wait included), {len(latencies)} "
        f"sequential check-ins: p50 {statistics.median(latencies) / 1000:.1f} s, "
        f"p95 {percentile(latencies, 95) / 1000:.1f} s"
    )
    print(
        f"Outbox: {args.messages} messages queued by another process (an odoo shell) drained in "
        f"{drain:.1f} s; the first reached LINE {first_after:.1f} s after the shell started, then "
        f"{steady:.0f} messages/s (one cron worker, no faults)."
    )
    print(
        f"Outage: {OUTAGE_MESSAGES} messages queued while LINE answered 500 to everything for "
        f"{args.outage} s: {during} requests sent meanwhile; all delivered {recovery:.1f} s after "
        f"LINE recovered; {lost} lost, {duplicated} delivered twice. Peak server RSS: {rss:.0f} MB."
    )


if __name__ == "__main__":
    main()
