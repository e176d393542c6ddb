#!/usr/bin/env python3
"""Benchmark (not a test) at national scale: morning check-ins beside hr_attendance's kiosk,
undisturbed and while a province PDF and the national *Today* board are being computed.

The database: ``data/generate_province.py --scale 16`` (a province 16 times Nong Bua Lam
Phu: 3,360 centres, 125,392 children, 22 school days of records), ``smart_kids_reports`` and
``hr_attendance`` installed, then centres without history up to the country's ~19,000 (in
provinces of their own), so that the *Today* board refreshes and reads a national table.
Created once, then reused; every run starts from a morning with nobody checked in at the
bench centre and no bench employee checked in.

Odoo's prefork server (``--workers=2``, its launcher, 127.0.0.1), as deploy/README.md. One run:

1. idle figures: the province summary PDF for the month (16x province, Thai) and the
   national *Today* board (refresh of today for every centre, grouped count, first page of
   cards), as a province officer and a national administrator, median of 3 after a warm-up;
2. undisturbed morning peak: ``--clients`` concurrent kiosks, each scan a first check-in of
   the day (Smart Kids' kiosk scan, then hr_attendance's kiosk scan, the same count);
3. disturbed: the same Smart Kids scans while one client loops the province PDF and another
   the national board, on the same node;
4. disturbed, split: the scans on that node while the PDF and the board loop on a second
   node of the same database (``--workers=2``), a reports node as deploy/README.md runs it:
   started with ``nice -n 19``, then in an idle CPU cgroup (``cpu.idle``, what the guide's
   ``CPUWeight=idle`` gives the unit; ``idle_cgroup.py``); then the control: no reports,
   only a CPU loop in that idle cgroup (what this machine loses to anything else running);
5. with ``--replica``, the topology of deploy/README.md on this one machine: the database
   copied to a PostgreSQL primary with a hot standby (``scripts/pg_replica.sh``), the scan
   node on the primary, the reports node reading the standby, the standby's PostgreSQL
   processes at the reports node's priority (nice 19, then the idle cgroup), as if on
   hardware of their own: scans undisturbed, then while the PDF and the board loop on the
   reports node. The pair is brought down at the end.

The report clients run in a process of their own. Needs root (the cgroup).
Reports scans/s, p50/p95, errors, and the peak RSS (VmHWM) of each Odoo process.

    python tests/bench/national_bench.py [--scans 600] [--clients 8] [--replica]
"""

import argparse
import concurrent.futures
import contextlib
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "scripts"))

from checkin_bench import SETUP as CHECKIN_SETUP  # noqa: E402
from checkin_bench import jsonrpc  # noqa: E402
from checkin_bench import odoo_server  # noqa: E402
from checkin_bench import percentile  # noqa: E402
from idle_cgroup import command_in  # noqa: E402
from idle_cgroup import idle_cgroup  # noqa: E402
from idle_cgroup import move  # noqa: E402
from odoo_client import OdooClient  # noqa: E402
from project_env import PAIR_HOST  # noqa: E402
from project_env import PAIR_PRIMARY_PORT  # noqa: E402
from project_env import PAIR_REPLICA_PORT  # noqa: E402
from project_env import database_exists  # noqa: E402
from project_env import odoo_cmd  # noqa: E402
from project_env import odoo_env  # noqa: E402
from project_env import shell_data  # noqa: E402
from reports_bench import timed  # noqa: E402
from reports_bench import today_board  # noqa: E402

DB = "smart_kids_reports_bench_16x"  # the 16x database of reports_bench, extended
NATIONAL_CENTRES = 19000
TIME_LIMIT = 300  # seconds per timed phase, whatever the count

NATIONAL_SETUP = """
import json
from odoo import Command
env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
Area, Centre = env["smart_kids.area"], env["smart_kids.centre"]
province = Area.search([("code", "=", "GEN16x-P")])
if not env["res.lang"]._lang_get("th_TH").active:
    env["base.language.install"].create(
        {"lang_ids": [Command.set([env.ref("base.lang_th").id])], "overwrite": True}
    ).lang_install()
missing = NATIONAL - Centre.search_count([])
number = 0
while missing > 0:
    # the rest of the country: provinces of 5 districts x 10 LAOs x 4 centres (200 centres)
    number += 1
    code = f"NAT-{number:03d}"
    if Area.search_count([("code", "=", code)]):
        continue
    other = Area.create({"name": f"จังหวัดจำลอง {number:03d}", "code": code, "area_type": "province"})
    districts = Area.create([{"name": f"อำเภอ {d}", "code": f"{code}-D{d}", "area_type": "district",
                              "parent_id": other.id} for d in range(5)])
    laos = Area.create([{"name": f"อปท. {d}-{l}", "code": f"{code}-L{d}-{l}", "area_type": "lao",
                         "lao_type": "sao", "parent_id": district.id}
                        for d, district in enumerate(districts) for l in range(10)])
    size = min(missing, 200)
    Centre.create([{"name": f"ศพด. {code}-{n}", "lao_id": laos[n % len(laos)].id}
                   for n in range(size)])
    missing -= size
    env.cr.commit()
def user(login, group, areas):
    found = env["res.users"].search([("login", "=", login)])
    return found or env["res.users"].create({
        "name": login, "login": login, "password": login, "tz": "Asia/Bangkok", "lang": "th_TH",
        "groups_id": [Command.set([env.ref(group).id])],
        "smart_kids_area_ids": [Command.set(areas.ids)]})
user("bench_province", "smart_kids.smart_kids_group_province_officer", province)
user("bench_national", "smart_kids.smart_kids_group_admin", env["smart_kids.area"])
env.cr.commit()
last = env["smart_kids.attendance"].search(
    [("centre_id.area_id", "child_of", province.id)], order="date desc", limit=1).date
print("BENCH_DATA=" + json.dumps({
    "province": province.id, "last_day": str(last),
    "centres": Centre.search_count([]),
    "province_centres": Centre.search_count([("area_id", "child_of", province.id)]),
    "children": env["smart_kids.child"].search_count([]),
    "attendances": env["smart_kids.attendance"].search_count([]),
}))
"""


def installed(module):
    state = subprocess.run(
        ["psql", "-d", DB, "-XAtc", f"SELECT state FROM ir_module_module WHERE name = '{module}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return state == "installed"


def prepare(scans):
    timings = {}
    if not database_exists(DB):
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                ROOT / "data" / "generate_province.py",
                "--database",
                DB,
                "--scale",
                "16",
            ],
            check=True,
            env=odoo_env(),
        )
        timings["generate_s"] = time.monotonic() - started
    if not installed("hr_attendance"):
        started = time.monotonic()
        subprocess.run(
            odoo_cmd(
                "-i", "smart_kids_reports,hr_attendance", "--stop-after-init", "--log-level=warn",
                db=DB,
            ),
            check=True,
            env=odoo_env(),
        )  # fmt: skip
        timings["install_s"] = time.monotonic() - started
    started = time.monotonic()
    data = shell_data(DB, NATIONAL_SETUP.replace("NATIONAL", str(NATIONAL_CENTRES)))
    timings["national_s"] = time.monotonic() - started
    # the morning's cards and badges (a fresh morning at the bench centre on every run)
    data |= shell_data(DB, CHECKIN_SETUP.format(count=scans * 2))
    return data | timings


def province_pdf(client, data):
    day = data["last_day"]
    options = {"area_id": data["province"], "date_from": day[:8] + "01", "date_to": day}
    client.pdf("smart_kids_reports.report_executive_summary", data["province"], options)


def scan_phase(base, calls, clients):
    """``calls`` (one per scan) run by ``clients`` concurrent kiosks: rate, p50, p95, errors."""
    sessions = threading.local()
    durations, errors = [], []
    deadline = time.monotonic() + TIME_LIMIT

    def one(call):
        if time.monotonic() > deadline:
            return
        if not hasattr(sessions, "session"):
            sessions.session = requests.Session()
        begin = time.perf_counter()
        try:
            call(sessions.session)
            durations.append(time.perf_counter() - begin)
        except Exception as error:  # counted and reported, never hidden
            errors.append(repr(error)[:200])

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, calls))
    elapsed = time.perf_counter() - started
    return {
        "scans": len(durations),
        "rate": len(durations) / elapsed,
        "p50_ms": percentile(durations, 50) * 1000,
        "p95_ms": percentile(durations, 95) * 1000,
        "errors": len(errors),
        "first_error": errors[:1],
    }


def smart_kids_scans(base, data, cards):
    def call(card):
        def scan(session):
            result = jsonrpc(
                session,
                f"{base}/smart_kids/kiosk/checkin/scan",
                {"token": data["kiosk_token"], "centre_id": data["centre_id"], "payload": card},
            )
            if result["status"] != "checked_in":
                raise RuntimeError(result["status"])

        return scan

    return [call(card) for card in cards]


def peer_scans(base, data, badges):
    def call(badge):
        def scan(session):
            jsonrpc(
                session,
                f"{base}/hr_attendance/attendance_barcode_scanned",
                {"token": data["company_token"], "barcode": badge},
            )

        return scan

    return [call(badge) for badge in badges]


def report_clients(base, data, stop, counts):
    """The executives' side: one client looping the province PDF, another the national
    board, until ``stop`` is set; ``counts``: shared counters of what they computed and the
    longest each took (``pdf_s``, ``board_s``)."""

    def loop(name, function):
        while not stop.is_set():
            started = time.perf_counter()
            function()
            with counts[name].get_lock():
                counts[name].value += 1
                counts[f"{name}_s"].value = max(
                    counts[f"{name}_s"].value, time.perf_counter() - started
                )

    officer, national = (
        OdooClient(base).login(DB, "bench_province"),
        OdooClient(base).login(DB, "bench_national"),
    )
    threads = [
        threading.Thread(target=loop, args=("pdf", lambda: province_pdf(officer, data))),
        threading.Thread(target=loop, args=("board", lambda: today_board(national))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)


@contextlib.contextmanager
def disturbance(base, data):
    """The report clients under way until released, in a process of their own: as threads
    of this one they would hold the scan clients' interpreter lock (the executives' browsers
    are not the kiosks' either). Yields what they computed and the longest a PDF and a board
    took (one requested during the scans may end after them), filled in on release."""
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    counts = {name: context.Value("i", 0) for name in ("pdf", "board")}
    counts |= {f"{name}_s": context.Value("d", 0.0) for name in ("pdf", "board")}
    clients = context.Process(target=report_clients, args=(base, data, stop, counts))
    clients.start()
    # both logged in and past their first PDF and board before the scans start: the scans
    # then meet reports in full flow, whatever the reports node's priority
    deadline = time.monotonic() + 120
    while min(counts["pdf"].value, counts["board"].value) < 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    computed = {}
    try:
        yield computed
    finally:
        stop.set()
        clients.join(timeout=600)
        computed.update({name: round(count.value, 2) for name, count in counts.items()})


def rss_per_process(master_pid):
    """Peak RSS (MB) of the server's processes: its master and the workers it forked."""
    pids = [master_pid] + [
        int(pid)
        for pid in subprocess.run(
            ["pgrep", "-P", str(master_pid)], capture_output=True, text=True
        ).stdout.split()
    ]
    peaks = {}
    for pid in pids:
        with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peaks[pid] = int(line.split()[1]) / 1024
    return peaks


PAIR = ROOT / "scripts" / "pg_replica.sh"


def psql_value(port, sql, db="postgres"):
    return subprocess.run(
        ["psql", "-h", PAIR_HOST, "-p", port, "-d", db, "-XAtc", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def standby_at_low_priority(prefix_kind, group):
    """The standby's postmaster and its processes (new backends inherit): ``nice`` 19, or in
    the idle cgroup ``group``."""
    pid_file = Path("/var/lib/postgresql/15/skreplica/postmaster.pid")
    postmaster = pid_file.read_text().split()[0]
    children = subprocess.run(["pgrep", "-P", postmaster], capture_output=True, text=True)
    pids = [postmaster, *children.stdout.split()]
    if prefix_kind == "nice":
        subprocess.run(["renice", "-n", "19", "-p", *pids], check=True, capture_output=True)
    else:
        move(group, pids)


def low_priorities(group):
    """The reports node's priorities measured: (name, command prefix)."""
    return (("nice", ("nice", "-n", "19")), ("idle cgroup", command_in(group)))


def replica_topology(args, group):
    """Phase 5: scans on the primary, reports on the standby (at a low priority, as if elsewhere)."""
    subprocess.run(["bash", str(PAIR), "up"], check=True, stdout=subprocess.DEVNULL)
    started = time.monotonic()
    pair = ("-h", PAIR_HOST, "-p")
    subprocess.run(["dropdb", *pair, PAIR_PRIMARY_PORT, "--if-exists", DB], check=True)
    subprocess.run(["createdb", *pair, PAIR_PRIMARY_PORT, DB], check=True)
    dump = subprocess.Popen(["pg_dump", "-Fc", DB], stdout=subprocess.PIPE)
    subprocess.run(
        ["pg_restore", *pair, PAIR_PRIMARY_PORT, "-d", DB, "--no-owner"],
        stdin=dump.stdout,
        check=True,
    )
    dump.wait()
    target = psql_value(PAIR_PRIMARY_PORT, "SELECT pg_current_wal_lsn()")
    for _poll in range(600):
        caught_up = psql_value(
            PAIR_REPLICA_PORT, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
        )
        if caught_up == "t":
            break
        time.sleep(1)
    copy_s = time.monotonic() - started
    # the Odoo shells and servers below: the primary
    main_cluster = {name: os.environ.get(name) for name in ("PGHOST", "PGPORT")}
    os.environ.update(PGHOST=PAIR_HOST, PGPORT=PAIR_PRIMARY_PORT)
    data = shell_data(DB, NATIONAL_SETUP.replace("NATIONAL", str(NATIONAL_CENTRES)))
    data |= shell_data(DB, CHECKIN_SETUP.format(count=args.scans * 2))
    n, results = args.scans, {"copy to the primary (s)": copy_s}
    replica = ("--db_replica_host=", f"--db_replica_port={PAIR_REPLICA_PORT}")
    try:
        with odoo_server(db=DB, workers=2) as (base, _pid):
            results["undisturbed, primary"] = scan_phase(
                base, smart_kids_scans(base, data, data["cards"][:n]), args.clients
            )
            for number, (kind, prefix) in enumerate(low_priorities(group), start=1):
                # the standby's PostgreSQL and the reports node at that priority, as if on
                # hardware of their own
                standby_at_low_priority(kind, group)
                name = f"disturbed, reports on the standby, {kind}"
                with (
                    odoo_server(db=DB, workers=2, prefix=prefix, extra=replica) as (
                        reports_base,
                        _rpid,
                    ),
                    disturbance(reports_base, data) as counts,
                ):
                    cards = data["cards"][number * n : (number + 1) * n]
                    results[name] = scan_phase(
                        base, smart_kids_scans(base, data, cards), args.clients
                    )
                results[name]["computed"] = dict(counts)
    finally:
        for name, value in main_cluster.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        subprocess.run(["bash", str(PAIR), "down"], check=False, stdout=subprocess.DEVNULL)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=600, help="scans per phase")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--replica", action="store_true", help="also phase 5 (a standby)")
    args = parser.parse_args()
    data = prepare(args.scans)
    print(
        f"{DB}: {data['centres']:,} centres ({data['province_centres']:,} in the 16x province), "
        f"{data['children']:,} children, {data['attendances']:,} check-ins; "
        f"setup {json.dumps({k: round(v) for k, v in data.items() if k.endswith('_s')})}"
    )
    with idle_cgroup() as group:
        results = measure(args, data, group)
    report(args, results)


def measure(args, data, group):
    cards, badges = data["cards"], data["badges"]
    n = args.scans
    results = {}
    with odoo_server(db=DB, workers=2) as (base, pid):
        officer, national = (
            OdooClient(base).login(DB, "bench_province"),
            OdooClient(base).login(DB, "bench_national"),
        )
        results["province PDF 16x (s)"] = timed(lambda: province_pdf(officer, data), 3)
        results["national Today board (s)"] = timed(lambda: today_board(national), 3)
        results["peer"] = scan_phase(base, peer_scans(base, data, badges[:n]), args.clients)
        results["undisturbed"] = scan_phase(
            base, smart_kids_scans(base, data, cards[:n]), args.clients
        )
        with disturbance(base, data) as counts:
            results["disturbed"] = scan_phase(
                base, smart_kids_scans(base, data, cards[n : 2 * n]), args.clients
            )
        results["disturbed"]["computed"] = dict(counts)
        results["rss_mb"] = rss_per_process(pid)
        # a reports node beside it, at a lower CPU priority: nice 19, then in an idle cgroup
        # (the deploy guide's reports unit); a fresh morning for these phases' cards
        extra = shell_data(DB, CHECKIN_SETUP.format(count=2 * n))
        chunks = [extra["cards"][k * n : (k + 1) * n] for k in range(3)]
        for chunk, (kind, prefix) in zip(chunks[:2], low_priorities(group), strict=True):
            with odoo_server(db=DB, workers=2, prefix=prefix) as (reports_base, _reports_pid):
                name = f"disturbed, reports node {kind}"
                with disturbance(reports_base, data) as counts:
                    results[name] = scan_phase(
                        base, smart_kids_scans(base, extra, chunk), args.clients
                    )
                results[name]["computed"] = dict(counts)
        # the control: no reports, a pure CPU loop in the idle cgroup, what this machine
        # loses to anything else running at all
        burner = subprocess.Popen([*command_in(group), sys.executable, "-c", "while True: pass"])
        try:
            results["control: CPU loop in the idle cgroup"] = scan_phase(
                base, smart_kids_scans(base, extra, chunks[2]), args.clients
            )
        finally:
            burner.kill()
            burner.wait()
    if args.replica:
        results |= replica_topology(args, group)
    return results


def report(args, results):
    print(json.dumps(results, indent=1, default=str))
    peer, calm = results["peer"]["rate"], results["undisturbed"]["rate"]
    for name in (
        "undisturbed",
        "disturbed",
        "disturbed, reports node nice",
        "disturbed, reports node idle cgroup",
        "control: CPU loop in the idle cgroup",
    ):
        row = results[name]
        print(
            f"{name:>36}: {row['rate']:6.1f} scans/s  p50 {row['p50_ms']:5.0f} ms  "
            f"p95 {row['p95_ms']:5.0f} ms  errors {row['errors']}  "
            f"{row['rate'] / peer:4.2f}x the peer  {100 * row['rate'] / calm:5.1f}% of undisturbed"
        )
    print(
        f"{'hr_attendance kiosk':>36}: {peer:6.1f} scans/s  p95 {results['peer']['p95_ms']:5.0f} ms"
    )
    if args.replica:
        calm = results["undisturbed, primary"]["rate"]
        for name in (
            "undisturbed, primary",
            "disturbed, reports on the standby, nice",
            "disturbed, reports on the standby, idle cgroup",
        ):
            row = results[name]
            print(
                f"{name:>47}: {row['rate']:6.1f} scans/s  p95 {row['p95_ms']:5.0f} ms  "
                f"errors {row['errors']}  {100 * row['rate'] / calm:5.1f}% of undisturbed"
            )


if __name__ == "__main__":
    main()
