#!/usr/bin/env python3
"""Fail loudly unless an Odoo test log shows a suite that really ran and passed.

Odoo's runner can end "successfully" having run nothing (module not installed, wrong
tags) or having silently skipped its browser tests (no Chromium, no websocket-client).
This reads the log and insists on: a final summary line, tests run, no failure, no error,
no skipped test, and at least one test from each required test module (e.g. the tours).
It prints a closing ``N passed, N failed`` line that CI readers understand.
"""

import argparse
import re
import sys

SUMMARY = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
STARTED = re.compile(r" (odoo\.addons\.[\w.]+): Starting (\w+)\.(\w+)")
SKIPPED = re.compile(r"skipped (\S+) : (.*)")
FAILURE = re.compile(r" (ERROR|CRITICAL) ")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("log")
    parser.add_argument(
        "--require",
        action="append",
        default=[],
        help="dotted test module that must have run, e.g. odoo.addons.smart_kids.tests.test_ui",
    )
    parser.add_argument("--min-tests", type=int, default=1)
    args = parser.parse_args()

    with open(args.log, encoding="utf-8", errors="replace") as log:
        text = log.read()
    problems = []
    summaries = SUMMARY.findall(text)
    if not summaries:
        problems.append("no Odoo test summary line: the suite did not run to its end")
        failed = errors = run = 0
    else:
        failed, errors, run = map(int, summaries[-1])
    started = {(m, c, t) for m, c, t in STARTED.findall(text)}
    modules_run = {m for m, _c, _t in started}
    skipped = SKIPPED.findall(text)
    error_lines = [line for line in text.splitlines() if FAILURE.search(line)]

    if run < args.min_tests:
        problems.append(f"only {run} tests ran (expected at least {args.min_tests})")
    if failed or errors:
        problems.append(f"{failed} failed and {errors} errors")
    for test, reason in skipped:
        problems.append(f"skipped {test}: {reason}")
    for module in args.require:
        if module not in modules_run:
            problems.append(f"no test of {module} ran")
    if error_lines and not (failed or errors):
        problems.append(f"{len(error_lines)} ERROR lines in the log, e.g. {error_lines[0][:300]}")

    print(f"Odoo suite: {run} tests in {len(modules_run)} test modules, {len(skipped)} skipped")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    bad = max(failed + errors, 1) if problems else 0
    print(f"{run - failed - errors} passed, {bad} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
