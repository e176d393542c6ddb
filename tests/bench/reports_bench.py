#!/usr/bin/env python3
"""Benchmark (not a test) of what executives wait for, on a synthetic province at 1x/2x/4x.

For each scale, a database built by data/generate_province.py (created once, then reused)
with smart_kids_reports installed, and one Odoo server on a free 127.0.0.1 port, stopped by
its PID at the end. As a province officer, over HTTP like the web client:

- the province executive summary PDF for the month (wkhtmltopdf, real rendering);
- the executive dashboard: opening "Today" (refresh + kanban grouped by status), the
  trends graph (30 days by day and status) and the pivot (district x status);
- the monthly attendance register PDF of one centre, and the province summary as xlsx.

Each figure is the median (and max) of a few runs after one warm-up. The server's peak
RSS (VmHWM) is reported beside the times. Goals: province PDF <= 10 s at 1x, time growing
no faster than the data, dashboards under a second at 1x.

    python tests/bench/reports_bench.py [--scales 1 2 4] [--runs 3]
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "scripts"))

from checkin_bench import odoo_server  # noqa: E402
from checkin_bench import peak_rss_mb  # noqa: E402
from odoo_client import OdooClient  # noqa: E402
from project_env import database_exists  # noqa: E402
from project_env import odoo_cmd  # noqa: E402
from project_env import odoo_env  # noqa: E402
from project_env import shell_data  # noqa: E402

LOGIN = "bench_province"
PASSWORD = "bench-province-password"
SETUP = """
import json
from odoo import Command
province = env["smart_kids.area"].search([("area_type", "=", "province")], limit=1)
if not env["res.lang"]._lang_get("th_TH").active:
    # officials read Thai: the reports are rendered in Thai, as in real use
    env["base.language.install"].create(
        {{"lang_ids": [Command.set([env.ref("base.lang_th").id])], "overwrite": True}}
    ).lang_install()
user = env["res.users"].search([("login", "=", "{login}")])
if not user:
    user = env["res.users"].create({{
        "name": "Bench Province Officer", "login": "{login}", "password": "{password}",
        "tz": "Asia/Bangkok", "lang": "th_TH",
        "groups_id": [Command.set([env.ref("smart_kids.smart_kids_group_province_officer").id])],
        "smart_kids_area_ids": [Command.set(province.ids)],
    }})
user.lang = "th_TH"
centre = env["smart_kids.centre"].search([], order="id", limit=1)
last = env["smart_kids.attendance"].search([], order="date desc", limit=1).date
env.cr.commit()
print("BENCH_DATA=" + json.dumps({{
    "province": province.id, "centre": centre.id, "last_day": str(last),
    "centres": env["smart_kids.centre"].search_count([]),
    "children": env["smart_kids.child"].search_count([]),
    "attendances": env["smart_kids.attendance"].search_count([]),
    "centre_days": env["smart_kids.centre.day"].search_count([]),
}}))
"""


def database(scale):
    return f"smart_kids_reports_bench_{scale}x"


def prepare(scale):
    """Create the scale's database once (generator + smart_kids_reports); its figures."""
    db = database(scale)
    timings = {}
    if not database_exists(db):
        started = time.monotonic()
        generator = ROOT / "data" / "generate_province.py"
        subprocess.run(
            [sys.executable, str(generator), "--database", db, "--scale", str(scale)],
            check=True,
            env=odoo_env(),
        )
        timings["generate_s"] = time.monotonic() - started
        started = time.monotonic()
        subprocess.run(
            odoo_cmd("-i", "smart_kids_reports", "--stop-after-init", "--log-level=warn", db=db),
            check=True,
            env=odoo_env(),
        )
        timings["install_reports_s"] = time.monotonic() - started
    return shell_data(db, SETUP.format(login=LOGIN, password=PASSWORD)) | timings


def today_board(client):
    """The *Today* board as the web client opens it: refresh, grouped count, first cards."""
    action = client.kw("smart_kids.centre.day", "action_open_today")
    client.kw("smart_kids.centre.day", "web_read_group", action["domain"], ["status"], ["status"])
    client.kw(
        "smart_kids.centre.day",
        "web_search_read",
        action["domain"],
        {"centre_id": {"fields": {"display_name": {}}}, "status": {}, "color": {}},
        limit=80,
    )


def timed(function, runs):
    function()  # warm-up: caches, assets, first wkhtmltopdf start
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def bench_scale(scale, runs, out_dir):
    data = prepare(scale)
    db = database(scale)
    month_end = data["last_day"]
    month_start = month_end[:8] + "01"
    with odoo_server(db=db) as (base, pid):
        client = OdooClient(base).login(db, LOGIN, PASSWORD)
        summary = {"area_id": data["province"], "date_from": month_start, "date_to": month_end}
        pdf = {}

        def province_pdf():
            pdf["summary"] = client.pdf(
                "smart_kids_reports.report_executive_summary", data["province"], summary
            )

        def dashboard_today():
            today_board(client)

        def dashboard_trends():
            domain = [["date", ">=", month_start], ["is_open", "=", True]]
            client.kw(
                "smart_kids.centre.day",
                "read_group",
                domain,
                ["__count"],
                ["date:day", "status"],
                lazy=False,
            )
            client.kw(
                "smart_kids.centre.day",
                "read_group",
                domain,
                ["current_count:sum", "open_count:sum"],
                ["district_id", "status"],
                lazy=False,
            )

        def register_pdf():
            pdf["register"] = client.pdf(
                "smart_kids_reports.report_attendance_register",
                data["centre"],
                {"centre_ids": [data["centre"]], "month": month_end},
            )

        def summary_xlsx():
            wizard = client.kw(
                "smart_kids.report.wizard",
                "create",
                {
                    "report": "summary",
                    "area_id": data["province"],
                    "date_from": month_start,
                    "date_to": month_end,
                },
            )
            client.kw("smart_kids.report.wizard", "action_export_xlsx", [wizard])

        results = {
            "province_pdf": timed(province_pdf, runs),
            "dashboard_today": timed(dashboard_today, runs * 3),
            "dashboard_trends": timed(dashboard_trends, runs * 3),
            "register_pdf": timed(register_pdf, runs),
            "summary_xlsx": timed(summary_xlsx, runs),
        }
        rss = peak_rss_mb(pid)
    for name, content in pdf.items():
        (out_dir / f"{name}_{scale}x.pdf").write_bytes(content)
    return data, results, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="/tmp/smart_kids_reports_bench")
    args = parser.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for scale in args.scales:
        data, results, rss = bench_scale(scale, args.runs, out_dir)
        rows.append((scale, data, results, rss))
        print(f"{scale}x done: {json.dumps(data)}", flush=True)
    print()
    print(
        "| scale | centres | children | check-ins | province PDF | today dashboard | "
        "trends | register PDF | summary xlsx | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for scale, data, results, rss in rows:
        cells = " | ".join(
            f"{median:.2f} s (max {worst:.2f})" for median, worst in results.values()
        )
        print(
            f"| {scale}x | {data['centres']:,} | {data['children']:,} | "
            f"{data['attendances']:,} | {cells} | {rss:.0f} MB |"
        )
    print(f"\nPDFs of the last runs in {out_dir}")


if __name__ == "__main__":
    main()
