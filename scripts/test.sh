#!/usr/bin/env bash
# Runs the Odoo test suite of the Smart Kids modules on a fresh database, on a real
# PostgreSQL and Odoo 18, with Chromium for the tours, then checks the log really shows
# every test running (see tests/check_odoo_log.py).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

command -v chromium >/dev/null || sk_die "chromium is missing: run scripts/setup.sh"
"$SK_VENV/bin/python" -c "import websocket" || sk_die "websocket-client is missing: run scripts/setup.sh"

log_dir="$SK_STATE/logs"
mkdir -p "$log_dir"
log="$log_dir/test-$(date +%Y%m%d-%H%M%S).log"
# A free loopback port, so a running `make run` server does not collide with the tests.
port=$("$SK_VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# A LINE outbox worker killed with SIGKILL mid-batch loses and duplicates nothing
# (a real process kill, on its own database; see the script's docstring).
kill_rc=0
timeout 600 "$SK_VENV/bin/python" "$SK_ROOT/tests/bench/outbox_kill_check.py" || kill_rc=$?

# Three senders in parallel (cron worker processes) send each message once, and the quota
# ledger equals what LINE accepted (see the script's docstring).
parallel_rc=0
timeout 600 "$SK_VENV/bin/python" "$SK_ROOT/tests/bench/line_parallel_bench.py" --check || parallel_rc=$?

# Odoo's prefork server (--workers) starts the way the project starts it, and stays up.
prefork_rc=0
timeout 300 "$SK_VENV/bin/python" "$SK_ROOT/tests/prefork_check.py" || prefork_rc=$?

# Production topology: a PostgreSQL primary + hot standby, two prefork Odoo nodes sharing
# sessions and filestore; reports and dashboards read the standby, in scope (see the script).
topology_rc=0
timeout 900 "$SK_VENV/bin/python" "$SK_ROOT/tests/topology_check.py" || topology_rc=$?

# A backup (pg_dump + filestore) restores into a new database: same rows, same photo bytes.
backup_rc=0
timeout 900 bash "$SK_ROOT/tests/backup_restore_check.sh" || backup_rc=$?

# A database of the previous release upgrades to this tree (migrations, the bridge module).
upgrade_rc=0
timeout 900 bash "$SK_ROOT/tests/upgrade_check.sh" || upgrade_rc=$?

dropdb --if-exists "$SK_TEST_DB"
tags="/smart_kids,/smart_kids_line,/smart_kids_reports,/smart_kids_reports_line,/smart_kids_transport,/smart_kids_transport_line"
echo "Running the Odoo suite ($tags) on database $SK_TEST_DB; log: $log"
set +e
# shellcheck disable=SC2046
sk_odoo $(sk_odoo_args) -d "$SK_TEST_DB" --db-filter="^$SK_TEST_DB\$" -i "$SK_MODULES" \
    --test-enable --test-tags "$tags" --stop-after-init --http-port "$port" \
    --log-level=info --max-cron-threads=0 2>&1 | tee "$log" | grep -E --line-buffered \
    " (ERROR|CRITICAL|WARNING) |FAIL|Traceback|tests when loading|post-tests in"
odoo_rc=${PIPESTATUS[0]}
set -e
check_rc=0
"$SK_VENV/bin/python" "$SK_ROOT/tests/check_odoo_log.py" "$log" --min-tests 100 \
    --require odoo.addons.smart_kids.tests.test_ui \
    --require odoo.addons.smart_kids_reports.tests.test_ui \
    --require odoo.addons.smart_kids_reports.tests.test_reports \
    --require odoo.addons.smart_kids.tests.test_child_card \
    --require odoo.addons.smart_kids_line.tests.test_outbox \
    --require odoo.addons.smart_kids_reports_line.tests.test_reports_on_line \
    --require odoo.addons.smart_kids_transport.tests.test_ui \
    --require odoo.addons.smart_kids_transport_line.tests.test_vans_on_line || check_rc=$?
[ "$odoo_rc" -eq 0 ] || sk_die "Odoo exited with $odoo_rc (see $log)"
[ "$kill_rc" -eq 0 ] || sk_die "the outbox kill check failed ($kill_rc)"
[ "$upgrade_rc" -eq 0 ] || sk_die "the upgrade check failed ($upgrade_rc)"
[ "$parallel_rc" -eq 0 ] || sk_die "the parallel senders check failed ($parallel_rc)"
[ "$prefork_rc" -eq 0 ] || sk_die "the prefork check failed ($prefork_rc)"
[ "$topology_rc" -eq 0 ] || sk_die "the topology check failed ($topology_rc)"
[ "$backup_rc" -eq 0 ] || sk_die "the backup and restore check failed ($backup_rc)"
exit "$check_rc"
