#!/usr/bin/env bash
# A PostgreSQL 15 primary + hot standby pair on this machine, beside (never touching) the
# "main" cluster:  scripts/pg_replica.sh up|down|status
#
#   skprimary  port 5434  wal_level=replica, a physical replication slot "skreplica", the
#                         replication role sk_replicator (scram password, 127.0.0.1 only) and
#                         the role Odoo connects with (the project sets no db_user: libpq's
#                         default, the OS user, over the unix socket with peer auth - root here)
#                         with LOGIN CREATEDB, as on "main", so Odoo can create databases there
#   skreplica  port 5435  made by pg_basebackup -R (standby.signal + primary_conninfo),
#                         hot_standby=on: read-only queries while it replays the primary's WAL
# Both listen on 127.0.0.1 only (and their unix sockets in /var/run/postgresql), start.conf
# "manual" so the machine's postgresql service never starts them.
#
#   up      create/configure/start whatever is missing (a no-op when the pair is streaming)
#   status  pg_stat_replication on the primary; pg_is_in_recovery(), the replay lag in bytes
#           and now() - pg_last_xact_replay_timestamp() on the replica (exit 1 if not streaming)
#   down    stop and drop both clusters (data, config, logs)
# Odoo on the primary:  sk_odoo $(sk_odoo_args) --db_port=5434 -d DB ...
set -euo pipefail

VERSION=15
PRIMARY=skprimary
PRIMARY_PORT=5434
REPLICA=skreplica
REPLICA_PORT=5435
REPL_USER=sk_replicator
SLOT=skreplica
ODOO_ROLE=${PGUSER:-$(id -un)}
# the pair's own sockets, whatever PGHOST the caller set (scripts/clock_matrix.sh points it at
# a private cluster): psql, pg_basebackup and the caller's tools (project_env.PAIR_HOST)
export PGHOST=/var/run/postgresql
# under libfaketime (the clock matrix), no clock state shared through a semaphore of the
# caller's: the postgres user may not open it; the FAKETIME offset alone keeps the clock
unset FAKETIME_SHARED

die() { echo "pg_replica: $*" >&2; exit 1; }
log() { echo "pg_replica: $*"; }
# pg_lsclusters' status of a cluster: online, down, ... or "absent"
cluster_status() {
    pg_lsclusters -h | awk -v v="$VERSION" -v c="$1" '$1 == v && $2 == c { print $4; found = 1 }
        END { if (!found) print "absent" }' | cut -d, -f1
}
# psql as the postgres superuser (from / : the postgres user cannot read the caller's folder)
pg_psql() {
    local port=$1
    shift
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@")
}
wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
    local limit=$1 what=$2
    shift 2
    local i
    for ((i = 0; i < limit * 10; i++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    die "timed out after ${limit}s waiting for $what"
}
is_streaming() {
    [ "$(pg_psql "$PRIMARY_PORT" -Atc \
        "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -ge 1 ]
}

# PostgreSQL on the caller's clock: pg_ctlcluster starts it with the variables of the
# cluster's "environment" file only, so a shifted clock (scripts/clock_matrix.sh runs
# everything under libfaketime) is written there before a start, or taken out
same_clock() {
    local file=/etc/postgresql/$VERSION/$1/environment
    sed -i '/^LD_PRELOAD =\|^FAKETIME =/d' "$file"
    if [ -n "${FAKETIME:-}" ]; then
        printf "LD_PRELOAD = '%s'\nFAKETIME = '%s'\n" "${LD_PRELOAD:-}" "$FAKETIME" >>"$file"
    fi
}

primary_up() {
    local conf=/etc/postgresql/$VERSION/$PRIMARY
    if [ "$(cluster_status "$PRIMARY")" = absent ]; then
        log "creating cluster $VERSION/$PRIMARY on port $PRIMARY_PORT"
        pg_createcluster "$VERSION" "$PRIMARY" -p "$PRIMARY_PORT" --start-conf=manual >/dev/null
        cat >"$conf/conf.d/sk_replication.conf" <<EOF
# scripts/pg_replica.sh: primary of a streaming-replication pair
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = '256MB'
hot_standby = on
EOF
        # local only: peer on the unix socket, scram over 127.0.0.1 (replication: one role)
        cat >"$conf/pg_hba.conf" <<EOF
# scripts/pg_replica.sh
# TYPE  DATABASE     USER             ADDRESS        METHOD
local   all          postgres                        peer
local   all          all                             peer
host    replication  $REPL_USER    127.0.0.1/32   scram-sha-256
host    all          all              127.0.0.1/32   scram-sha-256
EOF
        chown postgres:postgres "$conf/conf.d/sk_replication.conf" "$conf/pg_hba.conf"
    fi
    if [ "$(cluster_status "$PRIMARY")" != online ]; then
        log "starting $VERSION/$PRIMARY"
        same_clock "$PRIMARY"
        pg_ctlcluster "$VERSION" "$PRIMARY" start
    fi
    wait_for 30 "$PRIMARY to accept connections" pg_psql "$PRIMARY_PORT" -c "SELECT 1"
    pg_psql "$PRIMARY_PORT" -v repl="$REPL_USER" -v odoo="$ODOO_ROLE" -v slot="$SLOT" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN REPLICATION', :'repl')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'repl') \gexec
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'odoo')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'odoo') \gexec
SELECT pg_create_physical_replication_slot(:'slot')
 WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = :'slot');
SQL
}

replica_up() {
    local state data=/var/lib/postgresql/$VERSION/$REPLICA conf=/etc/postgresql/$VERSION/$REPLICA
    state=$(cluster_status "$REPLICA")
    if [ "$state" != absent ] && [ ! -f "$data/PG_VERSION" ]; then
        # a standby whose base backup never completed (an interrupted "up"): build it again
        log "dropping the incomplete $VERSION/$REPLICA"
        pg_dropcluster --stop "$VERSION" "$REPLICA"
        state=absent
    fi
    if [ "$state" = absent ]; then
        local password
        password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
        # a new password for each standby built: it is written into the standby's
        # primary_conninfo (postgresql.auto.conf, mode 0600 in its data directory) only
        pg_psql "$PRIMARY_PORT" -v repl="$REPL_USER" -v pw="$password" \
            <<<"ALTER ROLE :\"repl\" PASSWORD :'pw';"
        log "creating cluster $VERSION/$REPLICA on port $REPLICA_PORT from a base backup"
        pg_createcluster "$VERSION" "$REPLICA" -p "$REPLICA_PORT" --start-conf=manual >/dev/null
        cat >"$conf/conf.d/sk_replication.conf" <<EOF
# scripts/pg_replica.sh: hot standby of $PRIMARY (standby.signal, primary_conninfo, slot
# in the data directory's postgresql.auto.conf, written by pg_basebackup -R)
listen_addresses = '127.0.0.1'
hot_standby = on
hot_standby_feedback = on
EOF
        chown postgres:postgres "$conf/conf.d/sk_replication.conf"
        # the new cluster's own initdb is replaced by a copy of the primary
        find "$data" -mindepth 1 -delete
        (cd / && runuser -u postgres -- env PGPASSWORD="$password" pg_basebackup \
            -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$REPL_USER" -D "$data" \
            -R -X stream -S "$SLOT" -c fast)
        state=down
    fi
    if [ "$state" != online ]; then
        log "starting $VERSION/$REPLICA"
        same_clock "$REPLICA"
        pg_ctlcluster "$VERSION" "$REPLICA" start
    fi
    wait_for 30 "$REPLICA to accept connections" pg_psql "$REPLICA_PORT" -c "SELECT 1"
    [ "$(pg_psql "$REPLICA_PORT" -Atc "SELECT pg_is_in_recovery()")" = t ] \
        || die "$REPLICA is not in recovery (not a standby)"
    wait_for 30 "$REPLICA to stream from $PRIMARY" is_streaming
}

status() {
    local ok=0
    echo "== $VERSION/$PRIMARY (port $PRIMARY_PORT): $(cluster_status "$PRIMARY")"
    if [ "$(cluster_status "$PRIMARY")" = online ]; then
        pg_psql "$PRIMARY_PORT" -x -c "
            SELECT application_name, client_addr, state, sync_state, sent_lsn, replay_lsn,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes,
                   write_lag, flush_lag, replay_lag
              FROM pg_stat_replication"
        is_streaming || ok=1
    else
        ok=1
    fi
    echo "== $VERSION/$REPLICA (port $REPLICA_PORT): $(cluster_status "$REPLICA")"
    if [ "$(cluster_status "$REPLICA")" = online ]; then
        pg_psql "$REPLICA_PORT" -x -c "
            SELECT pg_is_in_recovery() AS in_recovery,
                   pg_last_wal_receive_lsn() AS receive_lsn,
                   pg_last_wal_replay_lsn() AS replay_lsn,
                   pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())
                       AS receive_replay_lag_bytes,
                   now() - pg_last_xact_replay_timestamp() AS since_last_replayed_xact"
    else
        ok=1
    fi
    return $ok
}

down() {
    local cluster
    for cluster in "$REPLICA" "$PRIMARY"; do
        if [ "$(cluster_status "$cluster")" != absent ]; then
            log "dropping $VERSION/$cluster"
            pg_dropcluster --stop "$VERSION" "$cluster"
        fi
        # pg_dropcluster leaves the folder of a conf.d file it did not create
        local etc=/etc/postgresql/$VERSION/$cluster
        rm -f "$etc/conf.d/sk_replication.conf"
        rmdir "$etc/conf.d" "$etc" 2>/dev/null || true
    done
}

[ "$(id -u)" = 0 ] || die "run as root (pg_createcluster, runuser)"
case ${1:-} in
    up)
        primary_up
        replica_up
        log "up: $PRIMARY :$PRIMARY_PORT streaming to $REPLICA :$REPLICA_PORT"
        ;;
    down) down ;;
    status) status ;;
    *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
