#!/usr/bin/env bash
# scripts/pg_replica.sh for real: brings the skprimary (5434) / skreplica (5435) pair up, creates
# the database sk_bk_replcheck and a table on the primary as the role Odoo uses (the OS user,
# peer over the unix socket: it checks that role can create databases there), then 20 times:
# inserts a row, commits, and polls the hot standby until the row is visible. The lag of each
# row is measured from the return of COMMIT on the primary to the first replica query that
# sees it (a tight loop of queries over the unix socket, ~0.1 ms each). Prints the status,
# "REPLICA OK median X ms max Y ms" and takes the pair down again (also on failure).
#
#   bash tests/replica_check.sh
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
REPLICA_SH="$SK_ROOT/scripts/pg_replica.sh"
T0=$SECONDS

RESULT=$(mktemp /tmp/sk-replica-check.XXXXXX)
trap 'rm -f "$RESULT"; bash "$REPLICA_SH" down' EXIT
bash "$REPLICA_SH" up

"$SK_VENV/bin/python" - "$RESULT" <<'PY'
import statistics
import sys
import time

import psycopg2

DB = "sk_bk_replcheck"
ROWS = 20
TIMEOUT = 10.0


def connect(port, dbname):
    conn = psycopg2.connect(host="/var/run/postgresql", port=port, dbname=dbname)
    conn.autocommit = True
    return conn


def wait_until(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            result = probe()
        except psycopg2.OperationalError:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            sys.exit(f"REPLICA FAILED: timed out after {TIMEOUT}s waiting for {what}")


admin = connect(5434, "postgres")
with admin.cursor() as cr:
    cr.execute(f"DROP DATABASE IF EXISTS {DB}")
    cr.execute(f"CREATE DATABASE {DB}")
primary = connect(5434, DB)
replica = wait_until(f"{DB} on the replica", lambda: connect(5435, DB))
with primary.cursor() as cr:
    cr.execute("CREATE TABLE lag_probe (id serial PRIMARY KEY, note text NOT NULL)")
def table_seen():
    with replica.cursor() as cr:
        cr.execute("SELECT to_regclass('lag_probe') IS NOT NULL")
        return cr.fetchone()[0]


wait_until("the table on the replica", table_seen)

with replica.cursor() as cr:
    cr.execute("SELECT pg_is_in_recovery()")
    assert cr.fetchone()[0], "the replica is not in recovery"
    try:
        cr.execute("INSERT INTO lag_probe (note) VALUES ('write on the standby')")
        sys.exit("REPLICA FAILED: the standby accepted a write")
    except psycopg2.errors.ReadOnlySqlTransaction:
        pass

lags = []
pcr, rcr = primary.cursor(), replica.cursor()
for n in range(1, ROWS + 1):
    pcr.execute("INSERT INTO lag_probe (note) VALUES (%s) RETURNING id", (f"row {n}",))
    row_id = pcr.fetchone()[0]  # autocommit: committed when execute returns
    committed = time.perf_counter()
    polls = 0
    while True:
        rcr.execute("SELECT note FROM lag_probe WHERE id = %s", (row_id,))
        polls += 1
        found = rcr.fetchone()
        if found:
            break
        if time.perf_counter() - committed > TIMEOUT:
            sys.exit(f"REPLICA FAILED: row {row_id} not on the replica after {TIMEOUT}s")
    lag = (time.perf_counter() - committed) * 1000
    assert found[0] == f"row {n}", found
    lags.append(lag)
    print(f"row {n:2d}: visible on the replica after {lag:7.2f} ms ({polls} polls)")
    time.sleep(0.05)

with replica.cursor() as cr:
    cr.execute("SELECT count(*) FROM lag_probe")
    count = cr.fetchone()[0]
if count != ROWS:
    sys.exit(f"REPLICA FAILED: {count} rows on the replica, {ROWS} inserted")
for conn in (primary, replica):
    conn.close()
with admin.cursor() as cr:
    cr.execute(f"DROP DATABASE {DB}")
admin.close()
with open(sys.argv[1], "w") as out:
    out.write(f"{statistics.median(lags):.2f} {max(lags):.2f}\n")
PY
read -r median max <"$RESULT"
bash "$REPLICA_SH" status
echo "REPLICA OK median $median ms max $max ms ($((SECONDS - T0))s)"
