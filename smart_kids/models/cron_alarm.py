"""Wake Odoo's cron workers at an exact time, not at their next poll.

``ir.cron._trigger(at=...)`` records when a job is due, but a cron worker only looks every
minute (``SLEEP_INTERVAL``): a safety alert due at 08:15:00 could run at 08:15:59. Here a
timer in the process that set the trigger sends the same ``cron_trigger`` notification as
``ir.cron._notifydb`` at the due time. It is best effort: if this process is gone by then,
the minute poll still runs the job.
"""

import logging
import threading
from datetime import datetime

from odoo import fields
from odoo import sql_db
from odoo.tools import SQL

from odoo.addons.base.models.ir_cron import ODOO_NOTIFY_FUNCTION

_logger = logging.getLogger(__name__)
# a timer per database and moment, so a moment scheduled twice wakes the crons once
_timers = {}
_lock = threading.Lock()
# further ahead than this, the minute poll and later rescheduling are good enough
HORIZON_SECONDS = 6 * 3600


def wake_crons_at(cr, moments):
    """After ``cr`` commits, wake the cron workers at each of ``moments`` (naive UTC)."""
    if getattr(threading.current_thread(), "testing", False):
        return  # a test's frozen clock is not the timer's
    dbname = cr.dbname
    cr.postcommit.add(lambda: _arm(dbname, moments))


def _arm(dbname, moments):
    now = datetime.utcnow()
    for moment in moments:
        delay = (fields.Datetime.to_datetime(moment) - now).total_seconds()
        if not 0 < delay <= HORIZON_SECONDS:
            continue
        key = (dbname, moment)
        with _lock:
            if key in _timers:
                continue
            timer = threading.Timer(delay, _notify, args=(key,))
            timer.daemon = True
            _timers[key] = timer
        timer.start()


def _notify(key):
    with _lock:
        _timers.pop(key, None)
    try:
        with sql_db.db_connect("postgres").cursor() as cr:
            cr.execute(
                SQL("SELECT %s('cron_trigger', %s)", SQL.identifier(ODOO_NOTIFY_FUNCTION), key[0])
            )
    except Exception:
        _logger.warning("could not wake the cron workers at %s", key[1], exc_info=True)
