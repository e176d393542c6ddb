#!/usr/bin/env python3
"""Check-in latency: Smart Kids' scan against hr_attendance's kiosk scan, same server, same run.

Builds a bench database once (smart_kids + hr_attendance, no demo data), fills one centre
with children and one company with employees that have badges, starts one Odoo server on
127.0.0.1, then times, interleaved request by request:

- ``hr_attendance`` kiosk: POST /hr_attendance/attendance_barcode_scanned (the peer);
- Smart Kids kiosk:       POST /smart_kids/kiosk/checkin/scan (same shape: public route + token);
- Smart Kids teacher:     POST /smart_kids/checkin/scan as a logged-in teacher (what the
  phone screen calls; the same service as the kiosk, under the teacher's record rules).

Every request is a first scan of the day for a different child/employee, so each one
writes a check-in. Reports p50/p95, the ratio to the peer and the server's peak RSS
(VmHWM). Bounded: a fixed number of requests, a time limit, and the server is stopped by
its PID at the end.

    python tests/bench/checkin_bench.py [--count 300] [--warmup 30]
"""

import argparse
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from project_env import create_database  # noqa: E402
from project_env import odoo_cmd  # noqa: E402
from project_env import odoo_env  # noqa: E402
from project_env import shell_data  # noqa: E402

DB = os.environ.get("SK_BENCH_DB", "smart_kids_bench")
TIME_LIMIT = 600  # seconds for the timed part, whatever the count

SETUP = """
import json
from odoo import Command, fields
from dateutil.relativedelta import relativedelta
count = {count}  # employees; children: twice as many (two Smart Kids endpoints)
env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
Area = env["smart_kids.area"]
centre = env["smart_kids.centre"].search([("name", "=", "Bench Centre")])
if not centre:
    province = Area.create({{"name": "Bench Province", "area_type": "province"}})
    lao = Area.create({{"name": "Bench LAO", "area_type": "lao", "parent_id": province.id}})
    centre = env["smart_kids.centre"].create({{"name": "Bench Centre", "lao_id": lao.id}})
    teacher_user = env["res.users"].create({{
        "name": "Bench Teacher", "login": "bench_teacher", "password": "bench_teacher",
        "groups_id": [Command.set([env.ref("smart_kids.smart_kids_group_teacher").id])]}})
    env["smart_kids.teacher"].create({{"name": "Bench Teacher", "user_id": teacher_user.id,
                                       "centre_ids": [Command.set(centre.ids)]}})
children = env["smart_kids.child"].search([("centre_id", "=", centre.id)])
missing = 2 * count - len(children)
if missing > 0:
    birth = fields.Date.today() - relativedelta(years=3)
    env["smart_kids.child"].create([{{
        "title": "boy", "first_name": f"Bench{{i:05d}}", "last_name": "Child", "birth_date": birth,
        "centre_id": centre.id}} for i in range(len(children), 2 * count)])
employees = env["hr.employee"].search([("barcode", "like", "BENCH%")])
if len(employees) < count:
    env["hr.employee"].create([{{"name": f"Bench Employee {{i}}", "barcode": f"BENCH{{i:05d}}"}}
                               for i in range(len(employees), count)])
# every run starts from a day with nobody checked in yet
env["smart_kids.attendance"].search([("centre_id", "=", centre.id)]).unlink()
env["hr.attendance"].search([("employee_id.barcode", "like", "BENCH%")]).unlink()
company = env.company
company.attendance_kiosk_mode = "barcode"
env.cr.commit()
children = env["smart_kids.child"].search([("centre_id", "=", centre.id)], order="id")
employees = env["hr.employee"].search([("barcode", "like", "BENCH%")], order="barcode")
print("BENCH_DATA=" + json.dumps({{
    "centre_id": centre.id,
    "kiosk_token": centre.kiosk_token,
    "company_token": company.attendance_kiosk_key,
    "cards": children.mapped("card_payload"),
    "badges": employees.mapped("barcode"),
}}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(count):
    create_database(DB, "smart_kids,hr_attendance")
    return shell_data(DB, SETUP.format(count=count))


@contextlib.contextmanager
def odoo_server(db=DB, cron_threads=0, workers=0, log=None, prefix=(), extra=()):
    """One Odoo server on a free loopback port, stopped by its PID on exit: (url, pid).
    ``workers`` > 0 starts Odoo's prefork server (``cron_threads`` cron processes then);
    ``log``: an open file for its output; ``prefix``: a command to start it through (a
    lower CPU priority: ``nice``, a cgroup);
    ``extra``: more options (another database port, a replica)."""
    port = free_port()
    server = subprocess.Popen(
        list(prefix)
        + odoo_cmd(
            "--http-port",
            str(port),
            f"--workers={workers}",
            f"--max-cron-threads={cron_threads}",
            f"--gevent-port={free_port()}",
            "--log-level=warn",
            *extra,
            db=db,
        ),
        env=odoo_env(),
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(120):
            try:
                if requests.get(f"{base}/web/login", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            sys.exit("the Odoo server did not start")
        yield base, server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def jsonrpc(session, url, params):
    response = session.post(
        url, json={"jsonrpc": "2.0", "method": "call", "params": params}, timeout=10
    )
    response.raise_for_status()
    body = response.json()
    if "error" in body:
        raise RuntimeError(body["error"]["data"]["message"])
    return body["result"]


def percentile(values, pct):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=300, help="timed scans per endpoint")
    parser.add_argument("--warmup", type=int, default=30, help="untimed scans per endpoint first")
    args = parser.parse_args()
    total = args.count + args.warmup
    data = prepare(total)
    with odoo_server() as (base, pid):
        peer, kiosk, teacher = requests.Session(), requests.Session(), requests.Session()
        jsonrpc(
            teacher,
            f"{base}/web/session/authenticate",
            {"db": DB, "login": "bench_teacher", "password": "bench_teacher"},
        )
        endpoints = {
            "hr_attendance kiosk scan (peer)": lambda i: jsonrpc(
                peer,
                f"{base}/hr_attendance/attendance_barcode_scanned",
                {"token": data["company_token"], "barcode": data["badges"][i]},
            ),
            "Smart Kids kiosk scan": lambda i: jsonrpc(
                kiosk,
                f"{base}/smart_kids/kiosk/checkin/scan",
                {
                    "token": data["kiosk_token"],
                    "centre_id": data["centre_id"],
                    "payload": data["cards"][i],
                },
            ),
            "Smart Kids teacher scan": lambda i: jsonrpc(
                teacher,
                f"{base}/smart_kids/checkin/scan",
                {"centre_id": data["centre_id"], "payload": data["cards"][i]},
            ),
        }
        # each Smart Kids endpoint scans its own children; every scan is a first check-in
        offsets = dict.fromkeys(endpoints, 0)
        offsets["Smart Kids teacher scan"] = total
        timings = {name: [] for name in endpoints}
        started = time.monotonic()
        for i in range(total):
            for name, call in endpoints.items():
                begin = time.perf_counter()
                result = call(offsets[name] + i)
                elapsed = (time.perf_counter() - begin) * 1000
                if name.startswith("Smart Kids"):
                    assert result["status"] == "checked_in", result
                if i >= args.warmup:
                    timings[name].append(elapsed)
            if time.monotonic() - started > TIME_LIMIT:
                print("time limit reached", file=sys.stderr)
                break
        rss = peak_rss_mb(pid)
    peer_p95 = percentile(timings["hr_attendance kiosk scan (peer)"], 95)
    print(
        f"\nCheck-in latency, {len(next(iter(timings.values())))} timed scans per endpoint, "
        f"interleaved, one client, Odoo on 127.0.0.1 (workers=0). Peak server RSS: {rss:.0f} MB.\n"
    )
    print("| endpoint | p50 ms | p95 ms | mean ms | p95 / peer p95 |")
    print("|---|---:|---:|---:|---:|")
    for name, values in timings.items():
        p95 = percentile(values, 95)
        print(
            f"| {name} | {statistics.median(values):.1f} | {p95:.1f} | "
            f"{statistics.fmean(values):.1f} | {p95 / peer_p95:.2f} |"
        )


if __name__ == "__main__":
    main()
