"""Odoo's prefork server (--workers) starts as the project starts it, and stays up.

Starts the project's server command (scripts/project_env.py: Odoo's launcher script) with
two HTTP workers and a cron worker on the test database for a few seconds, on loopback, then
stops it (its own PID). Fails when the websocket (gevent) process did not start exactly
once, when any process logged a traceback, or when /web/health did not answer 200 — e.g.
"python -m odoo" respawns the gevent process about a hundred times a second.

    python tests/prefork_check.py [DATABASE]
"""

import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from project_env import create_database
from project_env import odoo_cmd
from project_env import odoo_env

DB = sys.argv[1] if len(sys.argv) > 1 else "smart_kids_prefork_check"
RUN_SECONDS = 12


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    create_database(DB, "smart_kids")
    port, gevent_port = free_port(), free_port()
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        server = subprocess.Popen(
            odoo_cmd(
                "--workers=2",
                "--max-cron-threads=1",
                f"--http-port={port}",
                f"--gevent-port={gevent_port}",
                f"--db-filter=^{DB}$",
                "--log-level=info",
                db=DB,
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=odoo_env(),
        )
        health = None
        try:
            deadline = time.monotonic() + RUN_SECONDS
            while time.monotonic() < deadline:
                time.sleep(1)
                if health != 200:
                    try:
                        url = f"http://127.0.0.1:{port}/web/health"
                        with urllib.request.urlopen(url, timeout=2) as answer:
                            health = answer.status
                    except OSError:
                        pass
        finally:
            server.send_signal(signal.SIGTERM)  # the prefork server stops its workers
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        log.seek(0)
        text = log.read()
    evented = text.count("Evented Service (longpolling) running")
    tracebacks = text.count("Traceback")
    print(
        f"prefork check: /web/health {health}, websocket process started {evented} time(s), "
        f"{tracebacks} traceback(s) in {RUN_SECONDS} s"
    )
    if health != 200 or evented != 1 or tracebacks:
        print(text[-3000:])
        sys.exit(1)


if __name__ == "__main__":
    main()
