"""The project's settings (scripts/env.sh) for Python scripts: one place to read them."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The PostgreSQL primary + hot standby of scripts/pg_replica.sh: its sockets and ports.
PAIR_HOST, PAIR_PRIMARY_PORT, PAIR_REPLICA_PORT = "/var/run/postgresql", "5434", "5435"


def env_value(name):
    """``$name`` after sourcing scripts/env.sh; ``"(sk_addons_path)"`` runs that function."""
    out = subprocess.run(
        ["bash", "-c", f"source {ROOT}/scripts/env.sh && echo ${name}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def odoo_env():
    # Odoo runs in UTC whatever the machine's zone (datetimes are stored naive UTC)
    return {**os.environ, "TZ": "UTC"}


def odoo_cmd(*args, db, command=()):
    """An Odoo command line with the project's addons and filestore, on loopback only, through
    Odoo's launcher script (as its prefork server expects; see sk_odoo_launcher)."""
    return [
        f"{env_value('SK_VENV')}/bin/python",
        env_value("(sk_odoo_launcher)"),
        *command,
        f"--addons-path={env_value('(sk_addons_path)')}",
        "--http-interface=127.0.0.1",
        f"--data-dir={env_value('SK_STATE')}/filestore",
        "-d",
        db,
        *args,
    ]


def database_exists(db):
    listed = subprocess.run(["psql", "-lqt"], capture_output=True, text=True).stdout
    return any(line.split("|")[0].strip() == db for line in listed.splitlines())


def create_database(db, modules, fresh=False):
    """``db`` with ``modules`` installed (no demo data), unless it exists (or anew if fresh)."""
    if fresh:
        subprocess.run(["dropdb", "--if-exists", db], check=True)
    if database_exists(db):
        return
    subprocess.run(
        odoo_cmd(
            "-i", modules, "--without-demo=all", "--stop-after-init", "--log-level=warn", db=db
        ),
        check=True,
        env=odoo_env(),
    )


def odoo_shell(db, script):
    """Run ``script`` in ``odoo shell`` on ``db``; the completed process."""
    return subprocess.run(
        odoo_cmd("--log-level=warn", "--no-http", command=("shell",), db=db),
        input=script,
        capture_output=True,
        text=True,
        env=odoo_env(),
    )


def shell_data(db, script):
    """Run a setup script that prints ``BENCH_DATA=<json>``; that JSON, or exit with its output."""
    out = odoo_shell(db, script)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH_DATA="):
            return json.loads(line[len("BENCH_DATA=") :])
    sys.exit(f"setup failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
