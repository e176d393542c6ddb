#!/usr/bin/env bash
# Installs what Smart Kids needs and is missing; safe and fast to re-run.
#   - Odoo 18.0 source at $ODOO_SRC (or a clone of the official upstream)
#   - Debian packages: PostgreSQL (started, with a role for the current user), wkhtmltopdf,
#     Thai fonts, Chromium (browser tests), faketime (scripts/clock_matrix.sh), nginx and
#     openssl (tests/topology_check.py: the shipped site file in front of two nodes), build headers
#     for Odoo's Python requirements
#   - a venv with Odoo's requirements and ours, rebuilt only when a requirements file changes
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

ensure_odoo_source() {
    if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
        echo "Odoo 18.0 source not found at $ODOO_SRC; trying $ODOO_UPSTREAM (branch 18.0)..."
        mkdir -p "$(dirname "$ODOO_SRC")"
        if ! timeout 900 git clone --quiet --depth 1 --branch 18.0 "$ODOO_UPSTREAM" "$ODOO_SRC"; then
            rm -rf "$ODOO_SRC"
            sk_die "could not get Odoo 18.0. Put an unmodified Odoo 18.0 community source tree
       (git checkout of branch 18.0 or a nightly source archive) at $ODOO_SRC,
       or point ODOO_SRC at one: ODOO_SRC=/path/to/odoo make run"
        fi
    fi
    local major
    major=$(sed -n 's/^version_info = (\([0-9]*\),.*/\1/p' "$ODOO_SRC/odoo/release.py")
    [ "$major" = "18" ] || sk_die "$ODOO_SRC is Odoo $major, Smart Kids needs Odoo 18.0"
}

ensure_debian_packages() {
    local wanted=(postgresql libpq-dev libldap2-dev libsasl2-dev build-essential python3-venv python3-dev
        wkhtmltopdf fonts-thai-tlwg poppler-utils chromium git faketime nginx openssl)
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing Debian packages: ${missing[*]}"
        mkdir -p "$SK_STATE"
        local log="$SK_STATE/apt.log"
        # no service starts from this install (Debian's nginx would listen on every address):
        # PostgreSQL is started below, nginx only by tests/topology_check.py on 127.0.0.1
        local policy=/usr/sbin/policy-rc.d own_policy=""
        if [ ! -e "$policy" ]; then
            printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy"
            own_policy=1
        fi
        if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install \
            -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
            if [ -n "$own_policy" ]; then $SUDO rm -f "$policy"; fi
            tail -20 "$log" >&2
            sk_die "could not install Debian packages (full log: $log)"
        fi
        if [ -n "$own_policy" ]; then $SUDO rm -f "$policy"; fi
    fi
}

ensure_postgresql() {
    local version
    version=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1}')
    if [ -z "$version" ]; then
        version=$(ls /usr/lib/postgresql | sort -n | tail -1)
        $SUDO pg_createcluster "$version" main
    fi
    local cluster status
    read -r version cluster _ status _ < <(pg_lsclusters -h | head -1)
    if [ "$status" != "online" ]; then
        $SUDO pg_ctlcluster "$version" "$cluster" start
    fi
    local me
    me=$(id -un)
    if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='$me'" | grep -q 1; then
        as_postgres createuser --createdb "$me"
    fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres "$@"
    fi
}

ensure_venv() {
    local stamp="$SK_VENV/.smart-kids-stamp"
    local want
    want=$(cat "$ODOO_SRC/requirements.txt" "$SK_ROOT/requirements.txt" "$SK_ROOT/requirements-dev.txt" \
        <("$PYTHON" --version) | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return
    fi
    echo "Preparing the Python environment in $SK_VENV ..."
    "$PYTHON" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' \
        || sk_die "Odoo 18.0 needs Python 3.10 to 3.12 ($PYTHON is $("$PYTHON" --version))"
    [ -x "$SK_VENV/bin/python" ] || "$PYTHON" -m venv "$SK_VENV"
    local pip=("$SK_VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
    # One of Odoo's pinned sdists does not build with setuptools >= 70.
    PIP_CONSTRAINT="$SK_ROOT/scripts/build-constraints.txt" "${pip[@]}" -r "$ODOO_SRC/requirements.txt"
    "${pip[@]}" -r "$SK_ROOT/requirements.txt" -r "$SK_ROOT/requirements-dev.txt"
    "$SK_VENV/bin/python" -m pip check
    echo "$want" >"$stamp"
}

link_odoo_into_venv() {
    local site
    site=$("$SK_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    echo "$ODOO_SRC" >"$site/odoo-src.pth"
}

ensure_odoo_source
ensure_debian_packages
ensure_postgresql
ensure_venv
link_odoo_into_venv
echo "Setup OK: Odoo $(sk_odoo --version 2>/dev/null | tail -1) from $ODOO_SRC, venv $SK_VENV"
