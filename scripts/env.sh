# shellcheck shell=bash
# Shared settings for the Smart Kids scripts. Source it; every value can be overridden
# from the environment so the project works with any Odoo 18.0 source tree.
SK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SK_ROOT
# Odoo 18.0 community source tree (an upstream git checkout or a nightly source archive).
export ODOO_SRC="${ODOO_SRC:-$HOME/src/odoo-18.0}"
export ODOO_UPSTREAM="${ODOO_UPSTREAM:-https://github.com/odoo/odoo.git}"
# Python environment with Odoo's requirements and ours; outside the repo so clones share it.
export SK_STATE="${SK_STATE:-$HOME/.cache/smart-kids}"
export SK_VENV="${SK_VENV:-$SK_STATE/venv}"
export PYTHON="${PYTHON:-python3}"
export SK_DB="${SK_DB:-smart_kids_demo}"
export SK_TEST_DB="${SK_TEST_DB:-smart_kids_test}"
export SK_HTTP_PORT="${SK_HTTP_PORT:-8069}"
export SK_MODULES="smart_kids,smart_kids_line,smart_kids_reports,smart_kids_reports_line,smart_kids_transport,smart_kids_transport_line"
# Odoo expects its process to run in UTC.
export TZ=UTC

sk_addons_path() {
    local paths=()
    [ -d "$ODOO_SRC/addons" ] && paths+=("$ODOO_SRC/addons")
    [ -d "$ODOO_SRC/odoo/addons" ] && paths+=("$ODOO_SRC/odoo/addons")
    paths+=("$SK_ROOT")
    local IFS=,
    echo "${paths[*]}"
}

# Odoo's own launcher script: its prefork server (--workers) starts the websocket/gevent
# process as "python <launcher> gevent ...", which "python -m odoo" cannot be (that helper
# then dies at once and is respawned many times a second).
sk_odoo_launcher() {
    if [ -f "$ODOO_SRC/odoo-bin" ]; then
        echo "$ODOO_SRC/odoo-bin"  # a git checkout
    else
        echo "$ODOO_SRC/setup/odoo"  # a source distribution
    fi
}

# Run Odoo from the venv; bound to loopback, never to all interfaces.
sk_odoo() {
    "$SK_VENV/bin/python" "$(sk_odoo_launcher)" "$@"
}

sk_odoo_args() {
    echo "--addons-path=$(sk_addons_path) --http-interface=127.0.0.1 --data-dir=$SK_STATE/filestore"
}

sk_die() {
    echo "ERROR: $*" >&2
    exit 1
}
