#!/usr/bin/env python3
"""LINE outbox throughput with several senders in parallel, and where the limit is.

One Odoo prefork server (``--workers=2``) on 127.0.0.1 with 1, 2 or 3 cron worker processes;
the sender calls its two helper jobs when more than a batch waits, so each cron worker sends
in parallel (``SKIP LOCKED``). The fake LINE server (tests/fake_line_server.py) answers at
once, or after a delay standing for the round trip to LINE's API. For each combination:
messages per second from the first to the last accepted, the largest number of requests LINE
had in hand at once, TCP connections opened (connection reuse), and the checks that make the
figures worth reading: every message accepted exactly once, the quota ledger equal to what
LINE accepted, no serialization failure or traceback in the server log. Peak RSS of the
biggest Odoo process and of all of them.

Bounded in count and time; servers bind 127.0.0.1 and are stopped by PID.

    python tests/bench/line_parallel_bench.py [--messages 1000] [--latency-ms 0 50]
        [--cron-workers 1 2 3] [--check]

``--check`` (used by the test harness): 400 messages, 30 ms, 3 cron workers; exits non-zero
unless the checks hold and the senders really overlapped.
"""

import argparse
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from checkin_bench import odoo_server
from fake_line_server import PUSH
from fake_line_server import FakeLineServer
from line_bench import BULK_TARGET_PREFIX
from line_bench import MODULES
from line_bench import QUEUE
from line_bench import SETUP
from project_env import create_database
from project_env import odoo_shell
from project_env import shell_data

DB = "smart_kids_line_parallel"
TIME_LIMIT = 300  # per combination
LOG_ERRORS = ("could not serialize", "Traceback", "ERROR")


def psql(query):
    return subprocess.run(
        ["psql", "-d", DB, "-tAc", query], capture_output=True, text=True, check=True
    ).stdout.strip()


def peak_rss(pid):
    """Peak RSS (MB) of the biggest process of the server, and of all its processes."""
    peaks = []
    try:
        processes = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return float("nan"), float("nan")
    for process in processes:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return max(peaks), sum(peaks)


def cpu_seconds(pid):
    """CPU seconds used so far by the Odoo server's processes, PostgreSQL's, and this process
    (the fake LINE server's threads): where a run's time goes."""

    def used(processes):
        total = 0.0
        for process in processes:
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return total

    try:
        server = psutil.Process(pid)
        odoo = used([server, *server.children(recursive=True)])
    except psutil.NoSuchProcess:
        odoo = 0.0
    postgres = used(p for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres")
    return {"odoo": odoo, "postgres": postgres, "fake": used([psutil.Process()])}


def run_once(fake, data, messages, latency, cron_workers, log_path):
    psql("DELETE FROM smart_kids_line_message; DELETE FROM smart_kids_line_quota_usage")
    fake.faults.update(delay=latency)
    fake.delivered.clear()
    fake.accepted_ids.clear()
    fake.accepted_at.clear()
    fake.connections = fake.max_in_flight = 0
    with (
        open(log_path, "w") as log,
        odoo_server(DB, cron_workers, workers=2, log=log) as (
            _base,
            pid,
        ),
    ):
        time.sleep(2)  # cron workers connected and listening
        stamp = int(time.time() * 1000)
        queued = odoo_shell(
            DB,
            QUEUE.format(
                n=messages, channel_id=data["channel_id"], stamp=stamp, prefix=BULK_TARGET_PREFIX
            ),
        )
        if "QUEUED" not in queued.stdout:
            sys.exit(f"queueing failed: {queued.stderr[-2000:]}")
        cpu_before = cpu_seconds(pid)
        begin = time.monotonic()
        while len(fake.deliveries(PUSH)) < messages:
            if time.monotonic() - begin > TIME_LIMIT:
                sys.exit(f"only {len(fake.deliveries(PUSH))} of {messages} sent in time")
            time.sleep(0.05)
        elapsed = time.monotonic() - begin
        cpu_after = cpu_seconds(pid)
        time.sleep(1)  # anything sent twice would arrive now
        rss_max, rss_total = peak_rss(pid)
    times = [at for at, _body in fake.accepted_at]
    texts = Counter(body["messages"][0]["text"] for body in fake.deliveries(PUSH))
    ledger = int(psql("SELECT COALESCE(SUM(recipients), 0) FROM smart_kids_line_quota_usage"))
    with open(log_path) as log:
        errors = [line for line in log if any(word in line for word in LOG_ERRORS)]
    return {
        "rate": (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else float("nan"),
        "in_flight": fake.max_in_flight,
        "connections": fake.connections,
        "requests": len(fake.requests),
        "lost": messages - len(texts),
        "twice": sum(count - 1 for count in texts.values()),
        "ledger": ledger,
        "accepted": len(fake.accepted_ids),
        "errors": errors,
        "cpu": {k: (cpu_after[k] - cpu_before[k]) / elapsed for k in cpu_before},
        "rss_max": rss_max,
        "rss_total": rss_total,
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--latency-ms", type=int, nargs="+", default=[0, 50])
    parser.add_argument("--cron-workers", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        args.messages, args.latency_ms, args.cron_workers = 400, [30], [3]
    fake = FakeLineServer(access_token="bench-token").start()
    create_database(DB, MODULES, fresh=True)
    data = shell_data(DB, SETUP.format(count=1, fake_url=fake.url))
    # nothing but the queued messages: the product's own (e.g. the unaccounted-child alert)
    # would be counted
    psql("UPDATE smart_kids_line_trigger SET active = false")
    log_path = Path(f"/tmp/{DB}.log")
    results = []
    try:
        for latency in args.latency_ms:
            for workers in args.cron_workers:
                fake.requests.clear()
                result = run_once(fake, data, args.messages, latency / 1000, workers, log_path)
                results.append((latency, workers, result))
                print(
                    f"LINE {latency:>3} ms, {workers} cron worker(s): {result['rate']:.0f} msg/s, "
                    f"{result['in_flight']} requests at once, {result['connections']} TCP "
                    f"connections for {result['requests']} requests; lost {result['lost']}, "
                    f"twice {result['twice']}, ledger {result['ledger']} / accepted "
                    f"{result['accepted']}, log errors {len(result['errors'])}; peak RSS "
                    f"{result['rss_max']:.0f} MB per process, {result['rss_total']:.0f} MB all; "
                    f"CPU cores busy: Odoo {result['cpu']['odoo']:.2f}, PostgreSQL "
                    f"{result['cpu']['postgres']:.2f}, fake LINE {result['cpu']['fake']:.2f}",
                    flush=True,
                )
    finally:
        fake.stop()
    failed = [
        (latency, workers, result)
        for latency, workers, result in results
        if result["lost"]
        or result["twice"]
        or result["ledger"] != result["accepted"]
        or result["errors"]
    ]
    for _latency, _workers, result in failed:
        print("".join(result["errors"][:20]))
    if failed:
        sys.exit("PARALLEL SENDERS FAILED the checks above")
    if args.check and results[0][2]["in_flight"] < 2:
        sys.exit("PARALLEL SENDERS FAILED: the senders never overlapped")
    if args.check:
        print("PARALLEL SENDERS OK")


if __name__ == "__main__":
    main()
