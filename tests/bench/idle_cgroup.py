"""A CPU cgroup whose processes run only on CPU time nobody else wants (``cpu.idle = 1``):
what systemd's ``CPUWeight=idle`` gives a unit (deploy/systemd/smart-kids-odoo-reports.service).

A process's own scheduling class (``chrt --idle``, ``nice``) only ranks it against the other
processes of its group; its group (a systemd unit, or a login session's autogroup) still
competes with the others at full weight. The group has to be idle, not only its processes.
"""

import contextlib
import os
from pathlib import Path

CPU_ROOTS = (Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup"))  # cgroup v1, then v2


def cpu_root():
    for root in CPU_ROOTS:
        if (root / "cgroup.procs").exists() and (
            (root / "cpu.shares").exists() or "cpu" in _read(root / "cgroup.subtree_control")
        ):
            return root
    raise SystemExit("no writable CPU cgroup controller here: the idle phases need one (root)")


def _read(path):
    with contextlib.suppress(OSError):
        return path.read_text()
    return ""


@contextlib.contextmanager
def idle_cgroup(name="smart_kids_bench_idle"):
    """The cgroup, created idle; on exit its processes go back to the parent and it is removed."""
    root = cpu_root()
    group = root / name
    group.mkdir(exist_ok=True)
    (group / "cpu.idle").write_text("1")
    try:
        yield group
    finally:
        for pid in _read(group / "cgroup.procs").split():
            with contextlib.suppress(OSError):
                (root / "cgroup.procs").write_text(pid)
        with contextlib.suppress(OSError):
            os.rmdir(group)


def command_in(group):
    """A command prefix: the process joins ``group`` before it starts (its children too)."""
    return ["sh", "-c", f'echo $$ > {group}/cgroup.procs && exec "$@"', "sh"]


def move(group, pids):
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, OSError):
            (group / "cgroup.procs").write_text(str(pid))
