"""When the monitoring rows of a large scope were last recomputed, for the next readers."""

import hashlib
from datetime import timedelta

from psycopg2.errors import DeadlockDetected
from psycopg2.errors import SerializationFailure

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

ALL_CENTRES = "all"


class SmartKidsCentreDayRefresh(models.Model):
    """One mark per scope (the country, or a set of centres) and day: a refresh of a province
    or of the country recomputes its rows, and readers within a minute reuse them. Kept apart
    from the rows because a refresh rewrites only the rows whose figures changed."""

    _name = "smart_kids.centre.day.refresh"
    _description = "Monitoring Refresh"
    _log_access = False

    scope = fields.Char(required=True, readonly=True, help="all, or a digest of the centres.")
    date = fields.Date(required=True, readonly=True)
    refreshed_at = fields.Datetime(string="Updated", required=True, readonly=True)

    _sql_constraints = [
        ("scope_date_unique", "unique(scope, date)", "One refresh mark per scope and day."),
    ]

    @api.model
    def _scope_of(self, centres):
        if centres is None:
            return ALL_CENTRES
        return hashlib.sha256(",".join(map(str, sorted(centres.ids))).encode()).hexdigest()[:32]

    @api.model
    def _is_recent(self, days, centres, seconds):
        """Every day of ``days`` refreshed for ``centres`` (or all) in the last seconds."""
        self.env.cr.execute(
            SQL(
                """SELECT count(DISTINCT date) FROM smart_kids_centre_day_refresh
                    WHERE scope IN %s AND date = ANY(%s)
                      AND refreshed_at > (now() AT TIME ZONE 'UTC') - %s""",
                (self._scope_of(centres), ALL_CENTRES),
                days,
                timedelta(seconds=seconds),
            )
        )
        return self.env.cr.fetchone()[0] == len(days)

    @api.model
    def _mark(self, days, centres):
        """Record the refresh. Two readers marking at once: the other's mark serves as well."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        """INSERT INTO smart_kids_centre_day_refresh (scope, date, refreshed_at)
                           SELECT %s, d, now() AT TIME ZONE 'UTC' FROM unnest(%s::date[]) d
                           ON CONFLICT (scope, date)
                           DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at""",
                        self._scope_of(centres),
                        days,
                    )
                )
        except (SerializationFailure, DeadlockDetected):
            pass
