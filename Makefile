# Smart Kids for Odoo 18. Every target installs what is missing first (scripts/setup.sh).
# ODOO_SRC=/path/to/odoo-18.0 selects the Odoo source tree (default: ~/src/odoo-18.0).
SHELL := /bin/bash
MODULES := smart_kids smart_kids_line smart_kids_reports smart_kids_reports_line smart_kids_transport smart_kids_transport_line
VENV = $(shell source scripts/env.sh && echo $$SK_VENV)

.PHONY: setup run test test-odoo lint format bench

setup:
	bash scripts/setup.sh

run: setup
	bash scripts/run.sh

test: setup lint test-odoo

test-odoo:
	bash scripts/test.sh

lint:
	$(VENV)/bin/ruff check $(MODULES) tests scripts
	$(VENV)/bin/ruff format --check $(MODULES) tests scripts
	$(VENV)/bin/pylint --rcfile=.pylintrc-mandatory $(MODULES)

format:
	$(VENV)/bin/ruff format $(MODULES) tests scripts
	$(VENV)/bin/ruff check --fix $(MODULES) tests scripts

# Check-in latency beside hr_attendance's kiosk scan (see tests/bench/checkin_bench.py).
bench: setup
	$(VENV)/bin/python tests/bench/checkin_bench.py
