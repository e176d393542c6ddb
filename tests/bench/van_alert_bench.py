#!/usr/bin/env python3
"""Late-van alert latency: from a trip's alert time to the alert written, on a live server.

One Odoo server on 127.0.0.1 (workers=0, one cron thread) with smart_kids_transport. Two
phases in the same run, each with ``--trips`` moments spaced ``--spacing`` seconds apart:

- peer, Odoo's own mechanism: a plain ``ir.cron`` job triggered with ``_trigger(at=...)``
  at each moment (what an add-on gets without help), the moments 73 s apart so that they
  meet the cron thread's one-minute poll at different phases; the clock stops when the
  job's ``lastcall`` moves past the moment;
- Smart Kids: a teacher starts each van trip over HTTP (``/smart_kids/van/van_start``) on a
  route planned to arrive at that moment (grace 0; routes are planned to the minute, so the
  moments are whole minutes); the clock stops when the trip's ``alerted_at`` is set (the
  alert's activities and hooks are in the same transaction).

The bench polls the database every 0.2 s. Bounded in count and time; the server binds
127.0.0.1 and is stopped by its PID at the end. Avoid running within 10 minutes of midnight
in Thailand (the routes' planned times are today's).

    python tests/bench/van_alert_bench.py [--trips 5] [--spacing 60]
"""

import argparse
import statistics
import sys
import time
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import psycopg2
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from checkin_bench import jsonrpc
from checkin_bench import odoo_server
from checkin_bench import peak_rss_mb
from project_env import create_database
from project_env import shell_data

DB = "smart_kids_van_bench"
TIME_LIMIT = 900
LEAD = 20  # seconds from scheduling (inside the shell) to the first moment
BANGKOK = timedelta(hours=7)

SETUP = """
import json
from datetime import datetime, timedelta
from odoo import Command
trips, lead, spacing = {trips}, {lead}, {spacing}
Area = env["smart_kids.area"]
centre = env["smart_kids.centre"].search([("name", "=", "Van Bench Centre")])
if not centre:
    province = Area.create({{"name": "Van Bench Province", "area_type": "province"}})
    lao = Area.create({{"name": "Van Bench LAO", "area_type": "lao", "parent_id": province.id}})
    centre = env["smart_kids.centre"].create({{"name": "Van Bench Centre", "lao_id": lao.id}})
centre.write({{"van_overdue_minutes": 0, "van_escalation_minutes": 60}})
user = env["res.users"].search([("login", "=", "bench_van")])
if not user:
    user = env["res.users"].create({{"name": "Bench Van", "login": "bench_van", "password": "bench_van",
        "groups_id": [Command.set([env.ref("smart_kids.smart_kids_group_teacher").id])]}})
    env["smart_kids.teacher"].create({{"name": "Bench Van", "user_id": user.id,
                                       "centre_ids": [Command.set(centre.ids)]}})
env["smart_kids.van.trip"].sudo().search([("centre_id", "=", centre.id)]).unlink()
env["smart_kids.van.route"].search([("centre_id", "=", centre.id)]).unlink()
env["smart_kids.vehicle"].search([("centre_id", "=", centre.id)]).unlink()
peer = env["ir.cron"].search([("name", "=", "Van bench peer")])
if not peer:
    peer = env["ir.cron"].create({{"name": "Van bench peer", "model_id": env.ref("base.model_res_partner").id,
        "state": "code", "code": "model.browse()", "interval_number": 1, "interval_type": "days",
        "nextcall": "2099-01-01 00:00:00"}})
routes = env["smart_kids.van.route"]
# routes are planned to the minute: the first whole minute at least `lead` seconds ahead
first = (datetime.utcnow() + timedelta(seconds=lead + 59)).replace(second=0, microsecond=0)
for i in range(trips):
    local = first + timedelta(seconds=i * spacing, hours=7)
    hour = local.hour + local.minute / 60 + local.second / 3600
    van = env["smart_kids.vehicle"].create({{"name": f"Bench Van {{i}}", "centre_id": centre.id}})
    routes |= env["smart_kids.van.route"].create({{"name": f"Bench route {{i}}", "vehicle_id": van.id,
        "planned_departure": hour - 0.0001, "planned_arrival": hour}})
env.cr.commit()
print("BENCH_DATA=" + json.dumps({{"routes": routes.ids, "peer": peer.id}}))
"""

PEER = """
import json
from datetime import datetime, timedelta
# Odoo's poll runs every minute: moments 73 s apart meet it at different phases
first = datetime.utcnow().replace(microsecond=0) + timedelta(seconds={lead})
moments = [first + timedelta(seconds=i * 73) for i in range({trips})]
env["ir.cron"].browse({peer})._trigger(at=moments)
env.cr.commit()
print("BENCH_DATA=" + json.dumps([m.isoformat() for m in moments]))
"""


def query(sql, params=()):
    with psycopg2.connect(dbname=DB) as conn, conn.cursor() as cr:
        cr.execute(sql, params)
        return cr.fetchall()


def wait_for(moments, seen_at, deadline):
    """Poll until ``seen_at()`` gives a time for every moment; latencies in seconds."""
    latencies = {}
    while len(latencies) < len(moments) and time.monotonic() < deadline:
        now = datetime.utcnow()
        for index, seen in seen_at().items():
            if index not in latencies and seen:
                latencies[index] = (now - moments[index]).total_seconds()
        time.sleep(0.2)
    if len(latencies) < len(moments):
        sys.exit(f"only {len(latencies)} of {len(moments)} alerts within the time limit")
    return [latencies[i] for i in range(len(moments))]


def summary(name, values):
    return (
        f"| {name} | {len(values)} | {statistics.median(values):.1f} | {max(values):.1f} |"
        f" {statistics.mean(values):.1f} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trips", type=int, default=5)
    parser.add_argument("--spacing", type=int, default=60, help="seconds, whole minutes")
    args = parser.parse_args()
    local_now = datetime.utcnow() + BANGKOK
    if local_now.hour == 23 and local_now.minute >= 50:
        sys.exit("within 10 minutes of midnight in Thailand: run it later")
    create_database(DB, "smart_kids_transport")
    started = time.monotonic()
    with odoo_server(DB, cron_threads=1) as (base, pid):
        # Peer: Odoo's trigger alone, at moments counted from inside the shell
        data = shell_data(DB, SETUP.format(trips=args.trips, lead=LEAD, spacing=args.spacing))
        peer_script = PEER.format(
            lead=LEAD, spacing=args.spacing, trips=args.trips, peer=data["peer"]
        )
        peer_moments = [datetime.fromisoformat(m) for m in shell_data(DB, peer_script)]

        def peer_seen():
            (lastcall,) = query("SELECT lastcall FROM ir_cron WHERE id = %s", (data["peer"],))[0]
            return {i: lastcall and lastcall >= m for i, m in enumerate(peer_moments)}

        peer = wait_for(peer_moments, peer_seen, started + TIME_LIMIT)

        # Smart Kids: new routes planned from now, trips started over HTTP by a teacher
        data = shell_data(DB, SETUP.format(trips=args.trips, lead=LEAD, spacing=args.spacing))
        session = requests.Session()
        jsonrpc(
            session,
            f"{base}/web/session/authenticate",
            {"db": DB, "login": "bench_van", "password": "bench_van"},
        )
        trip_ids = [
            jsonrpc(session, f"{base}/smart_kids/van/van_start", {"route_id": route})["id"]
            for route in data["routes"]
        ]
        due = dict(
            query("SELECT id, due_at FROM smart_kids_van_trip WHERE id = ANY(%s)", (trip_ids,))
        )
        moments = [due[t] for t in trip_ids]
        if datetime.utcnow() >= moments[0]:
            sys.exit("the setup took longer than the lead time: raise LEAD")

        def trips_seen():
            alerted = dict(
                query(
                    "SELECT id, alerted_at FROM smart_kids_van_trip WHERE id = ANY(%s)", (trip_ids,)
                )
            )
            return {i: alerted[t] is not None for i, t in enumerate(trip_ids)}

        ours = wait_for(moments, trips_seen, started + TIME_LIMIT)
        rss = peak_rss_mb(pid)
    print(
        f"\nLate-van alert latency: seconds from the alert time to the alert committed, "
        f"{args.trips} moments {args.spacing} s apart, one cron thread. Peak server RSS: {rss:.0f} MB.\n"
    )
    print("| mechanism | n | p50 s | max s | mean s |")
    print("|---|---:|---:|---:|---:|")
    print(summary("Odoo ir.cron trigger alone (peer)", peer))
    print(summary("Smart Kids late-van alert (trigger + wake-up at the due time)", ours))


if __name__ == "__main__":
    main()
