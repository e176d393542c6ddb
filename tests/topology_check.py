#!/usr/bin/env python3
"""The production topology of deploy/README.md, run for real on this machine.

- PostgreSQL: a primary and a hot standby (``scripts/pg_replica.sh``: two PostgreSQL 15
  clusters, ``pg_basebackup -R``, streaming).
- Odoo: two prefork nodes (``--workers=2``, through Odoo's launcher) on one database of the
  primary, sharing one data directory (sessions and filestore), both with
  ``db_replica_port`` set: Odoo's read-only routes (``web_search_read``, ``read_group``,
  ``/report/pdf``) read the standby, everything else the primary. Node A is the main node,
  node B the reports node (deploy/systemd/smart-kids-odoo-reports.service).
- nginx: ``deploy/nginx/smart-kids.conf`` as shipped, in front of both (only its addresses,
  ports and certificate replaced: 127.0.0.1, free ports, a self-signed certificate).

Checks, on a database of its own (``smart_kids`` + ``smart_kids_reports``, a centre open
every day, its teacher, the LAO's executive, another LAO):

1. a teacher logged in on node A is logged in on node B (one sessions directory);
2. a scan on node A is on the roster read from node B;
3. a photo uploaded through node A is served by node B, byte for byte (one filestore);
4. through nginx, the LAO executive's *Today* board, trends and province PDF go to node B
   and are read from the standby: with the standby's replay paused, a check-in written on
   the primary (a teacher's scan through nginx, served by node A) is not on the board;
   replay resumed, the time until the board shows the check-in is the replication lag seen
   by a user; the nodes' request logs show the reports on B only, the scans on A only;
5. scope on the standby: the board, the trends and the PDF hold the executive's centres only;
   the PDF of an area outside the scope is refused;
6. node B stopped, the board and the PDF still answer through nginx (node A, its backup).

Prints ``TOPOLOGY OK`` and the figures, exit 1 otherwise. Bounded (every wait has a limit);
the servers are stopped by their PIDs; the database is dropped and the pair brought down at
the end (``--keep`` keeps them).

    python tests/topology_check.py [--keep]
"""

import argparse
import base64
import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from checkin_bench import free_port  # noqa: E402
from checkin_bench import odoo_server  # noqa: E402
from odoo_client import OdooClient  # noqa: E402
from project_env import PAIR_HOST  # noqa: E402
from project_env import PAIR_PRIMARY_PORT  # noqa: E402
from project_env import PAIR_REPLICA_PORT  # noqa: E402
from project_env import odoo_cmd  # noqa: E402
from project_env import odoo_env  # noqa: E402
from project_env import shell_data  # noqa: E402

DB = "sk_topology"
PAIR = ROOT / "scripts" / "pg_replica.sh"
EXECUTIVE, TEACHER = "topo_executive", "topo_teacher"  # password = login

SETUP = """
import json
from odoo import Command, fields
from dateutil.relativedelta import relativedelta
Area = env["smart_kids.area"]
province = Area.create({"name": "Topology Province", "area_type": "province"})
lao, other_lao = Area.create([
    {"name": f"Topology LAO {n}", "area_type": "lao", "parent_id": province.id} for n in (1, 2)
])
# open every day: the check works whatever day CI runs
centre, other = env["smart_kids.centre"].create([
    {"name": "Topology Centre", "lao_id": lao.id, "open_on_weekends": True},
    {"name": "Other Centre", "lao_id": other_lao.id, "open_on_weekends": True},
])
birth = fields.Date.today() - relativedelta(years=3)
env["smart_kids.child"].create([
    {"title": "girl", "first_name": f"Topo{n:02d}", "last_name": "Child", "birth_date": birth,
     "centre_id": (centre if n < 20 else other).id} for n in range(22)
])
def user(login, group, areas=()):
    return env["res.users"].create({
        "name": login, "login": login, "password": login, "tz": "Asia/Bangkok",
        "groups_id": [Command.set([env.ref(group).id])],
        "smart_kids_area_ids": [Command.set(list(areas))]})
teacher = user("topo_teacher", "smart_kids.smart_kids_group_teacher")
env["smart_kids.teacher"].create({"name": "Topology Teacher", "user_id": teacher.id,
                                   "centre_ids": [Command.set(centre.ids)]})
user("topo_executive", "smart_kids.smart_kids_group_lao_executive", lao.ids)
env.cr.commit()
print("BENCH_DATA=" + json.dumps({"lao": lao.id, "other_lao": other_lao.id,
                                  "centres": centre.ids}))
"""


def fail(message):
    print(f"TOPOLOGY FAILED: {message}")
    sys.exit(1)


def psql(port, sql, db=DB):
    out = subprocess.run(
        ["psql", "-p", port, "-d", db, "-XAtc", sql], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def replay(action):
    """Pause or resume the standby's replay (the postgres superuser's right)."""
    sql = f"SELECT pg_wal_replay_{action}()"
    subprocess.run(
        ["runuser", "-u", "postgres", "--", "psql", "-p", PAIR_REPLICA_PORT, "-XAtqc", sql],
        cwd="/",
        check=True,
        stdout=subprocess.DEVNULL,
        # under libfaketime: the postgres user may not open the caller's clock semaphore
        env={name: value for name, value in os.environ.items() if name != "FAKETIME_SHARED"},
    )


def pdf_text(pdf):
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def wait_until(seconds, description, predicate, step=0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(step)
    fail(f"{description} (after {seconds} s)")


def odoo_node(data_dir, log):
    """One prefork Odoo node on the primary, reading the standby on read-only routes, behind
    a proxy, logging every request (the routing check reads it)."""
    return odoo_server(
        db=DB,
        workers=2,
        log=log,
        extra=(
            f"--data-dir={data_dir}",
            f"--db_port={PAIR_PRIMARY_PORT}",
            "--db_replica_host=",  # set (empty: the unix socket) so Odoo opens a replica pool
            f"--db_replica_port={PAIR_REPLICA_PORT}",
            f"--db-filter=^{DB}$",
            "--proxy-mode",
            "--log-handler=werkzeug:INFO",
        ),
    )


SITE = ROOT / "deploy" / "nginx" / "smart-kids.conf"


def port_of(base):
    return base.rsplit(":", 1)[1]


@contextlib.contextmanager
def nginx_proxy(main, reports, workdir):
    """nginx with the site file as shipped in front of ``main`` and ``reports`` (the nodes'
    base URLs), on 127.0.0.1 with a self-signed certificate; stopped by its PID on exit.
    Yields its HTTPS base URL and the certificate that verifies it."""
    workdir.mkdir()
    workdir.chmod(0o755)  # nginx's workers (nobody) use its temporary folders
    cert, key = workdir / "cert.pem", workdir / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", key, "-out", cert, "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    https = free_port()
    site = SITE.read_text()
    for old, new in {
        "listen 80;": f"listen 127.0.0.1:{free_port()};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https} ssl http2;",
        "/etc/letsencrypt/live/smartkids.example.go.th/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/smartkids.example.go.th/privkey.pem": str(key),
        "server 127.0.0.1:8069": f"server 127.0.0.1:{port_of(main)}",
        "server 127.0.0.1:8079": f"server 127.0.0.1:{port_of(reports)}",
    }.items():
        if old not in site:
            fail(f"{SITE.name} no longer has '{old}': update this check")
        site = site.replace(old, new)
    site = "\n".join(line for line in site.splitlines() if "listen [::]" not in line)
    (workdir / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (workdir / "nginx.conf").write_text(
        f"daemon off; pid {workdir / 'nginx.pid'}; error_log {workdir / 'error.log'} warn;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{ access_log {workdir / 'access.log'}; {temp} include {workdir / 'site.conf'}; }}\n"
    )
    server = subprocess.Popen(
        ["nginx", "-p", str(workdir), "-c", str(workdir / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"https://127.0.0.1:{https}"
    try:
        for _attempt in range(150):
            if server.poll() is not None or reachable(f"{base}/web/login", cert):
                break
            time.sleep(0.2)
        if not reachable(f"{base}/web/login", cert):
            error_log = workdir / "error.log"
            said = error_log.read_text()[-800:] if error_log.exists() else ""
            fail(f"nginx did not answer: {said}")
        yield base, str(cert)
    finally:
        server.terminate()
        server.wait(timeout=30)


def reachable(url, cert):
    with contextlib.suppress(requests.RequestException):
        return requests.get(url, verify=cert, timeout=5).status_code == 200
    return False


def proxied(base, cert):
    """A client of Odoo through nginx (HTTPS, verified against the test certificate)."""
    session = requests.Session()
    session.trust_env = False  # a CA bundle named in the environment would replace ``verify``
    session.verify = cert
    return OdooClient(base, session)


def requests_logged(log_path, fragment):
    """How many requests whose address holds ``fragment`` the node logged."""
    return sum(
        1 for line in log_path.read_text().splitlines() if "werkzeug" in line and fragment in line
    )


def create_database():
    subprocess.run(["dropdb", "-p", PAIR_PRIMARY_PORT, "--if-exists", DB], check=True)
    started = time.monotonic()
    subprocess.run(
        odoo_cmd(
            f"--db_port={PAIR_PRIMARY_PORT}",
            "-i",
            "smart_kids,smart_kids_reports",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
            db=DB,
        ),
        check=True,
        env=odoo_env(),
    )
    return time.monotonic() - started, shell_data(DB, SETUP)


def period(area_id, day):
    """The executive summary's options: ``area_id`` from the first of the month to ``day``."""
    return {"area_id": area_id, "date_from": day[:8] + "01", "date_to": day}


def summary_pdf(client, area_id, day):
    response = client.pdf_response(
        "smart_kids_reports.report_executive_summary", area_id, period(area_id, day)
    )
    if response.status_code != 200 or not response.content.startswith(b"%PDF"):
        fail(f"summary PDF: {response.status_code} {response.content[:200]!r}")
    return response.content


def trends_today(executive, day):
    """The trends as the graph reads them (grouped by centre): (groups, check-ins of ``day``)."""
    groups = executive.kw(
        "smart_kids.centre.day",
        "web_read_group",
        [["date", "=", day]],
        ["checked_in_count:sum"],
        ["centre_id"],
    )["groups"]
    return groups, sum(group["checked_in_count"] for group in groups)


def board(executive):
    """The executive's Today board as the web client reads it: (centre ids, checked in)."""
    today = executive.kw("smart_kids.centre.day", "action_open_today")["domain"]
    rows = executive.kw(
        "smart_kids.centre.day",
        "web_search_read",
        today,
        {"centre_id": {"fields": {}}, "checked_in_count": {}},
    )["records"]
    return {row["centre_id"]["id"] for row in rows}, sum(r["checked_in_count"] for r in rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", action="store_true", help="keep the pair and the database")
    args = parser.parse_args()
    subprocess.run(["bash", str(PAIR), "up"], check=True, stdout=subprocess.DEVNULL)
    # psql, dropdb and Odoo below: the pair's primary (whatever cluster PGHOST named)
    os.environ.update(PGHOST=PAIR_HOST, PGPORT=PAIR_PRIMARY_PORT)
    data_dir = Path(tempfile.mkdtemp(prefix="sk_topology_"))
    logs = {"A": data_dir / "node_a.log", "B": data_dir / "node_b.log"}
    figures = {}
    try:
        figures["install_s"], data = create_database()
        with contextlib.ExitStack() as stack:
            log_a = stack.enter_context(open(logs["A"], "w"))
            node_a, _pid_a = stack.enter_context(odoo_node(data_dir, log_a))
            with (
                open(logs["B"], "w") as log_b,
                odoo_node(data_dir, log_b) as (node_b, _pid_b),
            ):
                proxy = stack.enter_context(nginx_proxy(node_a, node_b, data_dir / "nginx"))
                run_checks(node_a, node_b, proxy, data, figures)
                check_routing(logs, figures)
            check_reports_fall_back(proxy, logs, data)
        errors = [
            line
            for path in logs.values()
            for line in path.read_text().splitlines()
            if " ERROR " in line
        ]
        if errors:
            fail(f"{len(errors)} errors in the Odoo logs, first: {errors[0]}")
    finally:
        if not args.keep:
            subprocess.run(["dropdb", "-p", PAIR_PRIMARY_PORT, "--if-exists", DB], check=False)
            subprocess.run(["bash", str(PAIR), "down"], check=False, stdout=subprocess.DEVNULL)
            shutil.rmtree(data_dir, ignore_errors=True)
    lag = figures["lag_ms"]
    print(
        "TOPOLOGY OK: 2 Odoo nodes (workers=2) on primary :5434 + standby :5435 behind "
        "deploy/nginx/smart-kids.conf; "
        f"session and photo shared ({figures['photo_bytes']} bytes); "
        "board, trends and summary PDF read from the standby (replay paused, then resumed); "
        f"routed {figures['routing']}; reports fall back to the main node; "
        f"scope {figures['scope']}; "
        f"lag check-in to board p50 {statistics.median(lag):.0f} ms, max {max(lag):.0f} ms "
        f"({len(lag)} check-ins); database installed in {figures['install_s']:.0f} s"
    )


def run_checks(node_a, node_b, proxy, data, figures):
    # 1. one sessions directory: node A's login is valid on node B
    teacher_a = OdooClient(node_a).login(DB, TEACHER)
    teacher_b = OdooClient(node_b, teacher_a.session)
    info = teacher_b.call("/web/session/get_session_info", {})
    if info.get("username") != TEACHER:
        fail(f"node B does not know node A's session: {info.get('username')}")

    # 2. a scan on A, the roster on B
    setup = teacher_b.call("/smart_kids/checkin/roster", {})
    centre_id = setup["centre"]["id"]
    waiting = [card["id"] for card in setup["missing"]]
    if len(waiting) < 4:
        fail(f"the centre has {len(waiting)} children left to check in today")
    result = teacher_a.call(
        "/smart_kids/checkin/scan_child", {"centre_id": centre_id, "child_id": waiting[0]}
    )
    if result.get("status") != "checked_in":
        fail(f"scan on node A: {result}")
    roster = teacher_b.call("/smart_kids/checkin/roster", {"centre_id": centre_id})
    if waiting[0] not in {card["id"] for card in roster["arrived"]}:
        fail("node B's roster does not show the child scanned on node A")

    # 3. one filestore: a photo uploaded through A, served by B
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buffer, format="JPEG")
    photo = buffer.getvalue()
    lunch = teacher_a.kw(
        "smart_kids.lunch", "create", {"centre_id": centre_id, "date": setup["date"]}
    )
    photo_id = teacher_a.kw(
        "smart_kids.photo",
        "create",
        {"lunch_id": lunch, "image": base64.b64encode(photo).decode()},
    )
    served = teacher_b.session.get(
        f"{node_b}/web/image/smart_kids.photo/{photo_id}/image", timeout=30
    )
    if served.status_code != 200 or served.content != photo:
        fail(f"node B served {served.status_code}, {len(served.content)} bytes, not the photo")
    figures["photo_bytes"] = len(photo)

    # 4. through nginx: the executive's screens on node B and the standby (paused, it cannot
    # show a new check-in), the teacher's scans on node A and the primary
    executive = proxied(*proxy).login(DB, EXECUTIVE)
    teacher = proxied(*proxy).login(DB, TEACHER)
    centres, _checked_in = board(executive)
    replay("pause")
    try:
        _centres, paused_count = board(executive)
        teacher.call(
            "/smart_kids/checkin/scan_child", {"centre_id": centre_id, "child_id": waiting[1]}
        )
        # the board's refresh runs on the primary (it writes): only a read from the paused
        # standby can miss the check-in
        if board(executive)[1] != paused_count:
            fail("the board shows a check-in the paused standby has not replayed")
        trends, paused_trends = trends_today(executive, setup["date"])
        if paused_trends != paused_count:
            fail(f"the trends count {paused_trends} check-ins, the standby {paused_count}")
        paused_pdf = summary_pdf(executive, data["lao"], setup["date"])
    finally:
        replay("resume")
    wait_until(
        10, "the board never showed the check-in", lambda: board(executive)[1] > paused_count
    )
    if trends_today(executive, setup["date"])[1] != paused_count + 1:
        fail("the trends do not count the check-in once the standby replayed it")
    if pdf_text(summary_pdf(executive, data["lao"], setup["date"])) == pdf_text(paused_pdf):
        fail("the summary PDF did not change with the replay: not read from the standby")

    # 5. scope on the standby
    allowed = set(data["centres"])
    trend_centres = {group["centre_id"][0] for group in trends}
    if centres != allowed or not trend_centres <= allowed:
        fail(f"scope: board {centres}, trends {trend_centres}, allowed {allowed}")
    other_lao = data["other_lao"]
    refused = executive.pdf_response(
        "smart_kids_reports.report_executive_summary", other_lao, period(other_lao, setup["date"])
    )
    if refused.status_code == 200 and refused.content.startswith(b"%PDF"):
        fail("an area outside the executive's scope was printed")
    figures["scope"] = f"{len(allowed)} centres, other area refused ({refused.status_code})"

    # the lag a user sees: check-in on A (primary), until B's board (standby) counts it
    lag = []
    for child_id in waiting[2:12]:
        count = board(executive)[1]
        teacher.call(
            "/smart_kids/checkin/scan_child", {"centre_id": centre_id, "child_id": child_id}
        )
        written = time.perf_counter()
        wait_until(
            10, "a check-in never reached the board", lambda c=count: board(executive)[1] > c, 0.005
        )
        lag.append((time.perf_counter() - written) * 1000)
    figures["lag_ms"] = lag


REPORTS, SCANS = ("/report/", "/smart_kids.centre.day/"), ("/smart_kids/checkin/scan_child",)


def check_routing(logs, figures):
    """nginx sent the reports to node B only, the scans to node A only."""
    count = {
        (node, kind): sum(requests_logged(path, fragment) for fragment in fragments)
        for node, path in logs.items()
        for kind, fragments in (("reports", REPORTS), ("scans", SCANS))
    }
    if count["A", "reports"] or count["B", "scans"] or not count["B", "reports"]:
        fail(f"routing: {count}")
    figures["routing"] = (
        f"{count['B', 'reports']} report requests to the reports node, "
        f"{count['A', 'scans']} scans to the main node"
    )


def check_reports_fall_back(proxy, logs, data):
    """6. The reports node stopped: nginx serves the reports from the main node."""
    executive = proxied(*proxy).login(DB, EXECUTIVE)
    before = requests_logged(logs["A"], REPORTS[1])
    centres, _checked_in = board(executive)
    if centres != set(data["centres"]) or requests_logged(logs["A"], REPORTS[1]) <= before:
        fail("with the reports node stopped, the board did not come from the main node")
    today = executive.kw("smart_kids.centre.day", "action_open_today")["domain"][0][2]
    summary_pdf(executive, data["lao"], today)


if __name__ == "__main__":
    main()
