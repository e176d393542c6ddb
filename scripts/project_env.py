"""The project's settings (scripts/env.sh) for Python scripts: one place to read them."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def env_value(name):
    """``$name`` after sourcing scripts/env.sh; ``"(sk_addons_path)"`` runs that function."""
    out = subprocess.run(
        ["bash", "-c", f"source {ROOT}/scripts/env.sh && echo ${name}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()
