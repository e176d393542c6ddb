#!/usr/bin/env bash
# Runs the outbox kill check and the whole Odoo suite (scripts/test.sh) with the clock set to
# chosen moments in Thailand, to prove that no test depends on the weekday, the hour, the month
# end or the Buddhist-era year of the day CI happens to run.
#
# Every process of a run (PostgreSQL, Odoo, Chromium, wkhtmltopdf) sees the same clock:
# libfaketime shifts the real clock by one offset, taken when the run starts, so that the run
# begins at the given instant and every process ticks on together (an absolute "@" start would
# start each process's clock anew; monotonic clocks are shifted too: Python 3.11's time.sleep
# fails with EINVAL under libfaketime 0.9.10 when they are left real). PostgreSQL is a private
# cluster started under that clock for the run (Odoo takes create dates and cron times from it),
# on a Unix socket in a temporary folder, stopped and removed at the end.
#
#   bash scripts/clock_matrix.sh                       # the default moments below
#   bash scripts/clock_matrix.sh "2026-12-07 09:16:00"  # UTC instants of your own
# Results: one line per moment on stdout, logs in $SK_STATE/clock-matrix/.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# UTC instants; Thailand is UTC+7 all year.
default_moments=(
    "2026-12-07 00:30:00" # Monday 07:30 in Thailand: a school day before the check-in deadline
    "2026-12-07 09:16:00" # Monday 16:16: a school day after the deadline (issue 9's failure)
    "2026-12-05 03:00:00" # Saturday 10:00: no school
    "2026-12-08 16:30:00" # Tuesday 23:30: late evening, same date in UTC and in Thailand
    "2026-12-08 17:30:00" # Wednesday 00:30 in Thailand, still Tuesday in UTC
    "2026-12-08 23:30:00" # Wednesday 06:30 in Thailand; Wednesday in Brussels (the test user's zone), Tuesday in UTC
    "2026-12-31 07:00:00" # Thursday 14:00, the last day of the month and of B.E. 2569
    "2026-12-31 17:30:00" # Friday 1 January 2027 (B.E. 2570) 00:30 in Thailand, still 2026 in UTC
)
moments=("$@")
[ ${#moments[@]} -gt 0 ] || moments=("${default_moments[@]}")

libfaketime=$(find /usr/lib -name libfaketime.so.1 -path '*faketime*' 2>/dev/null | sed -n 1p)
[ -n "$libfaketime" ] || sk_die "libfaketime is missing: run scripts/setup.sh"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
out_dir="$SK_STATE/clock-matrix"
mkdir -p "$out_dir"
chmod o+x "$HOME" 2>/dev/null || true

run_at() {
    local moment=$1 tag pgdir rc faketime
    tag=$(echo "$moment" | tr -d ' :-')
    faketime="$(($(date -u -d "$moment" +%s) - $(date -u +%s)))"
    [ "${faketime:0:1}" = "-" ] || faketime="+$faketime"
    faketime="${faketime}s"
    pgdir=$(mktemp -d /tmp/sk-clock-pg.XXXXXX)
    chmod 755 "$pgdir"
    local as_postgres=()
    [ "$(id -u)" -eq 0 ] && { chown postgres: "$pgdir"; as_postgres=(runuser -u postgres --); }
    # shellcheck disable=SC2317
    stop_cluster() {
        "${as_postgres[@]}" env LD_PRELOAD="$libfaketime" FAKETIME="$faketime" TZ=UTC \
            "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$pgdir"
    }
    trap stop_cluster EXIT
    "${as_postgres[@]}" "$pg_bin/initdb" -D "$pgdir/data" -U postgres -A trust >/dev/null
    "${as_postgres[@]}" env LD_PRELOAD="$libfaketime" FAKETIME="$faketime" TZ=UTC \
        "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/pg.log" -w \
        -o "-k $pgdir -c listen_addresses='' -p 5433 -c fsync=off" start >/dev/null
    "${as_postgres[@]}" "$pg_bin/createuser" -h "$pgdir" -p 5433 -U postgres -s "$(id -un)"
    rc=0
    (
        export PGHOST="$pgdir" PGPORT=5433 PGDATABASE=postgres
        export LD_PRELOAD="$libfaketime" FAKETIME="$faketime"
        export SK_VENV="$SK_VENV" SK_STATE="$out_dir/$tag"
        echo "== $moment UTC (Thailand: $(TZ=Asia/Bangkok date -d "$moment UTC" '+%a %Y-%m-%d %H:%M'))"
        date -u '+   clock inside the run: %a %Y-%m-%d %H:%M:%S UTC'
        bash "$SK_ROOT/scripts/test.sh"
    ) >"$out_dir/$tag.log" 2>&1 || rc=$?
    stop_cluster
    trap - EXIT
    local summary kill
    summary=$(grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$out_dir/$tag.log" | tail -n 1)
    kill=$(grep -E '^(EXACTLY ONCE|FAILED)$' "$out_dir/$tag.log" | tail -n 1)
    printf '%s UTC | Thailand %s | kill check: %s | Odoo: %s | exit %s\n' "$moment" \
        "$(TZ=Asia/Bangkok date -d "$moment UTC" '+%a %d %b %Y %H:%M')" "${kill:-?}" \
        "${summary:-?}" "$rc"
    return "$rc"
}

failed=0
for moment in "${moments[@]}"; do
    run_at "$moment" || failed=1
done
exit "$failed"
