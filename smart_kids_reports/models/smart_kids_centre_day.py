"""Whether a centre kept its data current on a day: the monitoring table of executives."""

from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

STATUSES = [
    ("current", "Current"),
    ("partial", "Incomplete"),
    ("missing", "Nothing recorded"),
    ("closed", "Closed"),
]
STATUS_COLOURS = {"current": 10, "partial": 2, "missing": 1, "closed": 0}

# The rule a centre-day must meet to be "current"; administrators change it in Settings.
RULE_DEFAULTS = {
    "min_checkin_rate": 80,
    "min_health_rate": 80,
    "require_lunch": True,
    "require_lunch_photo": True,
    "require_activity": True,
}
PARAM = "smart_kids_reports.freshness_"
# A refresh of this many centre-days or more (a province's, the country's) is not redone for
# the next readers within this many seconds (smart_kids.centre.day.refresh keeps the time).
SHARED_REFRESH_ROWS = 500
SHARED_REFRESH_SECONDS = 60
# What a refresh computes. A row is rewritten only when one of them changed: most of the
# country's rows do not change between two refreshes, and an unchanged row rewritten is disk,
# WAL and replica work for nothing (17 MB per refresh of 19,000 centres).
COMPUTED_COLUMNS = (
    "area_id",
    "lao_id",
    "district_id",
    "province_id",
    "is_open",
    "expected_count",
    "checked_in_count",
    "checkin_rate",
    "health_screened_count",
    "health_abnormal_count",
    "lunch_recorded",
    "lunch_photographed",
    "activity_count",
    "is_current",
    "current_count",
    "open_count",
    "status",
    "missing_items",
)


class SmartKidsCentreDay(models.Model):
    """One row per centre and day, refreshed from the day's records by one SQL statement.

    Stored (not a view) so executives' dashboards and the province summary read a few
    thousand rows instead of aggregating hundreds of thousands of check-ins each time;
    ``_refresh`` runs for today from a cron, before reports and when the dashboard opens.
    """

    _name = "smart_kids.centre.day"
    _description = "Centre Data Freshness"
    _order = "date desc, district_id, lao_id, centre_id"
    _rec_name = "centre_id"

    centre_id = fields.Many2one(
        "smart_kids.centre", required=True, index=True, ondelete="cascade", readonly=True
    )
    area_id = fields.Many2one("smart_kids.area", string="Area", readonly=True, index=True)
    lao_id = fields.Many2one("smart_kids.area", string="LAO", readonly=True, index=True)
    district_id = fields.Many2one("smart_kids.area", string="District", readonly=True, index=True)
    province_id = fields.Many2one("smart_kids.area", string="Province", readonly=True)
    date = fields.Date(required=True, index=True, readonly=True)
    is_open = fields.Boolean(string="Open", readonly=True)
    expected_count = fields.Integer(string="Children Expected", readonly=True)
    checked_in_count = fields.Integer(string="Checked In", readonly=True)
    checkin_rate = fields.Float(string="Check-in Rate (%)", digits=(5, 1), readonly=True)
    health_screened_count = fields.Integer(string="Health Screens", readonly=True)
    health_abnormal_count = fields.Integer(string="Health Findings", readonly=True)
    lunch_recorded = fields.Boolean(string="Lunch Recorded", readonly=True)
    lunch_photographed = fields.Boolean(string="Lunch Photo", readonly=True)
    activity_count = fields.Integer(string="Activities", readonly=True)
    is_current = fields.Boolean(string="Current", readonly=True, aggregator="bool_and")
    current_count = fields.Integer(
        string="Days Current", readonly=True, help="1 when the day is current: sums to days."
    )
    open_count = fields.Integer(string="Open Days", readonly=True)
    status = fields.Selection(STATUSES, readonly=True, index=True)
    missing_items = fields.Char(readonly=True, help="Codes of what is missing, comma-separated.")
    missing_summary = fields.Char(string="Missing", compute="_compute_missing_summary")
    color = fields.Integer(compute="_compute_color")
    reminded_at = fields.Datetime(string="Reminder Sent", readonly=True)
    refreshed_at = fields.Datetime(
        string="Updated", readonly=True, help="When these figures last changed."
    )

    _sql_constraints = [
        ("centre_date_unique", "unique(centre_id, date)", "One row per centre and day."),
    ]

    @api.depends("missing_items")
    @api.depends_context("lang")
    def _compute_missing_summary(self):
        labels = self._missing_labels()
        for day in self:
            codes = [code.strip() for code in (day.missing_items or "").split(",")]
            day.missing_summary = ", ".join(labels[c] for c in codes if c in labels)

    @api.depends("status")
    def _compute_color(self):
        for day in self:
            day.color = STATUS_COLOURS.get(day.status, 0)

    # ------------------------------------------------------------------
    # The rule
    # ------------------------------------------------------------------
    @api.model
    def _freshness_rule(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        rule = {}
        for key, default in RULE_DEFAULTS.items():
            raw = get(PARAM + key)
            # Settings delete a parameter set to False or 0, so missing means off / 0;
            # installation sets the defaults (data/smart_kids_reports_data.xml)
            if isinstance(default, bool):
                rule[key] = raw not in (None, False, "", "False", "0")
            else:
                rule[key] = int(raw) if raw else 0
        return rule

    # ------------------------------------------------------------------
    # Refresh
    # ------------------------------------------------------------------
    @api.model
    def _refresh(self, date_from, date_to=None, centres=None):
        """Recompute the rows of ``centres`` (all when None) for the days given.

        Days after today are never written. Idempotent: one upsert statement. On a
        read-only cursor (a report or dashboard served from a PostgreSQL replica) nothing is
        written: the rows are those of the last refresh (the cron's, every 30 minutes).
        """
        if self.env.cr.readonly:
            return
        # never a day that has not started anywhere yet (zones ahead of UTC: one day more)
        date_to = min(date_to or date_from, fields.Date.today() + timedelta(days=1))
        if date_from > date_to:
            return
        days = [date_from + timedelta(days=n) for n in range((date_to - date_from).days + 1)]
        rows = self._rows_of(days, centres)
        shared = rows >= SHARED_REFRESH_ROWS  # a province, the country: readers share it
        if shared and self._refreshed_moments_ago(days, centres, rows):
            return
        rule = self._freshness_rule()
        centre_filter = SQL("TRUE")
        if centres is not None:
            centre_filter = SQL("c.id = ANY(%s)", list(centres.ids))
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
WITH days AS (
    SELECT c.id AS centre_id, c.area_id, a.parent_id AS lao_id, c.district_id,
           c.province_id, d::date AS day,
           ((extract(isodow FROM d) < 6 OR c.open_on_weekends IS TRUE)
            AND NOT EXISTS (SELECT 1 FROM smart_kids_centre_closure k
                            WHERE k.centre_id = c.id AND k.date = d::date)) AS is_open
      FROM smart_kids_centre c
      JOIN smart_kids_area a ON a.id = c.area_id AND a.active IS NOT FALSE
     CROSS JOIN unnest(%(days)s::date[]) d
     WHERE %(centre_filter)s AND d::date <= (now() AT TIME ZONE coalesce(c.tz, 'UTC'))::date
), enrolled AS (
    SELECT days.centre_id, days.day, count(ch.id) AS n
      FROM days
      JOIN smart_kids_child ch ON ch.centre_id = days.centre_id AND ch.state = 'enrolled'
       AND ch.active IS NOT FALSE
       AND (ch.enrolment_date IS NULL OR ch.enrolment_date <= days.day)
     GROUP BY 1, 2
), absent AS (
    SELECT centre_id, date AS day, count(*) AS n FROM smart_kids_absence
     WHERE date BETWEEN %(from)s AND %(to)s GROUP BY 1, 2
), checkins AS (
    SELECT centre_id, date AS day, count(*) AS n,
           count(*) FILTER (WHERE health_screened) AS screened,
           count(*) FILTER (WHERE health_abnormal) AS abnormal
      FROM smart_kids_attendance
     WHERE date BETWEEN %(from)s AND %(to)s GROUP BY 1, 2
), lunches AS (
    SELECT l.centre_id, l.date AS day,
           bool_or(EXISTS (SELECT 1 FROM smart_kids_photo p WHERE p.lunch_id = l.id)) AS photo
      FROM smart_kids_lunch l
     WHERE l.date BETWEEN %(from)s AND %(to)s GROUP BY 1, 2
), activities AS (
    SELECT centre_id, date AS day, count(*) AS n FROM smart_kids_day_activity
     WHERE date BETWEEN %(from)s AND %(to)s GROUP BY 1, 2
), measured AS (
    SELECT days.*,
           greatest(coalesce(e.n, 0) - coalesce(ab.n, 0), 0) AS expected,
           coalesce(ci.n, 0) AS checked_in,
           coalesce(ci.screened, 0) AS screened,
           coalesce(ci.abnormal, 0) AS abnormal,
           lu.centre_id IS NOT NULL AS lunch,
           coalesce(lu.photo, FALSE) AS lunch_photo,
           coalesce(ac.n, 0) AS activities
      FROM days
      LEFT JOIN enrolled e ON e.centre_id = days.centre_id AND e.day = days.day
      LEFT JOIN absent ab ON ab.centre_id = days.centre_id AND ab.day = days.day
      LEFT JOIN checkins ci ON ci.centre_id = days.centre_id AND ci.day = days.day
      LEFT JOIN lunches lu ON lu.centre_id = days.centre_id AND lu.day = days.day
      LEFT JOIN activities ac ON ac.centre_id = days.centre_id AND ac.day = days.day
), judged AS (
    SELECT m.*,
           (m.expected = 0 OR m.checked_in * 100 >= %(min_checkin)s * m.expected) AS checkin_ok,
           (m.checked_in = 0 OR m.screened * 100 >= %(min_health)s * m.checked_in) AS health_ok,
           (NOT %(need_lunch)s OR m.lunch) AS lunch_ok,
           (NOT %(need_photo)s OR m.lunch_photo) AS photo_ok,
           (NOT %(need_activity)s OR m.activities > 0) AS activity_ok
      FROM measured m
)
INSERT INTO smart_kids_centre_day (
    centre_id, area_id, lao_id, district_id, province_id, date, is_open, expected_count,
    checked_in_count, checkin_rate, health_screened_count, health_abnormal_count,
    lunch_recorded, lunch_photographed, activity_count, is_current, current_count,
    open_count, status, missing_items, refreshed_at,
    create_uid, write_uid, create_date, write_date)
SELECT j.centre_id, j.area_id, j.lao_id, j.district_id, j.province_id, j.day, j.is_open,
       j.expected, j.checked_in,
       CASE WHEN j.expected > 0 THEN round(j.checked_in * 100.0 / j.expected, 1) END,
       j.screened, j.abnormal, j.lunch, j.lunch_photo, j.activities,
       cur.ok, cur.ok::int, j.is_open::int,
       CASE WHEN NOT j.is_open THEN 'closed'
            WHEN cur.ok THEN 'current'
            WHEN j.checked_in = 0 AND NOT j.lunch AND j.activities = 0 THEN 'missing'
            ELSE 'partial' END,
       CASE WHEN j.is_open AND NOT cur.ok THEN concat_ws(', ',
            CASE WHEN NOT j.checkin_ok THEN 'checkin' END,
            CASE WHEN NOT j.health_ok THEN 'health' END,
            CASE WHEN NOT j.lunch_ok THEN 'lunch' END,
            CASE WHEN j.lunch_ok AND NOT j.photo_ok THEN 'photo' END,
            CASE WHEN NOT j.activity_ok THEN 'activity' END) END,
       now() at time zone 'UTC', %(uid)s, %(uid)s, now() at time zone 'UTC',
       now() at time zone 'UTC'
  FROM judged j
 CROSS JOIN LATERAL (SELECT j.is_open AND j.checkin_ok AND j.health_ok AND j.lunch_ok
                            AND j.photo_ok AND j.activity_ok AS ok) cur
ON CONFLICT (centre_id, date) DO UPDATE SET %(update)s,
    refreshed_at = EXCLUDED.refreshed_at, write_uid = EXCLUDED.write_uid,
    write_date = EXCLUDED.write_date
 WHERE (%(current)s) IS DISTINCT FROM (%(computed)s)
""",
                **{
                    "from": date_from,
                    "to": date_to,
                    # an array, not generate_series: the planner then knows how many days
                    # there are (its guess of 1,000 made it JIT-compile for seconds)
                    "days": days,
                    "centre_filter": centre_filter,
                    "min_checkin": rule["min_checkin_rate"],
                    "min_health": rule["min_health_rate"],
                    "need_lunch": rule["require_lunch"],
                    "need_photo": rule["require_lunch"] and rule["require_lunch_photo"],
                    "need_activity": rule["require_activity"],
                    "uid": self.env.uid,
                    "update": SQL(", ").join(
                        SQL("%s = EXCLUDED.%s", SQL.identifier(c), SQL.identifier(c))
                        for c in COMPUTED_COLUMNS
                    ),
                    "current": SQL(", ").join(
                        SQL.identifier(self._table, c) for c in COMPUTED_COLUMNS
                    ),
                    "computed": SQL(", ").join(
                        SQL.identifier("excluded", c) for c in COMPUTED_COLUMNS
                    ),
                },
            )
        )
        self.invalidate_model()
        if shared:
            self.env["smart_kids.centre.day.refresh"]._mark(days, centres)

    def _rows_of(self, days, centres):
        """How many rows a refresh of ``days`` for ``centres`` (all when None) keeps."""
        if centres is None:
            return len(days) * self.env["smart_kids.centre"].search_count([])
        return len(days) * len(centres)

    def _refreshed_moments_ago(self, days, centres, rows):
        """A large refresh (a province, the country) that another reader has just done, with
        its ``rows`` all there (a centre added since has none yet)."""
        if not self.env["smart_kids.centre.day.refresh"]._is_recent(
            days, centres, SHARED_REFRESH_SECONDS
        ):
            return False
        centre_filter = SQL("TRUE") if centres is None else SQL("centre_id = ANY(%s)", centres.ids)
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM smart_kids_centre_day WHERE date = ANY(%s) AND %s",
                days,
                centre_filter,
            )
        )
        return self.env.cr.fetchone()[0] == rows

    def _refresh_for_report(self, date_from, date_to, centres):
        """The rows a report of the period needs, recomputed only where they may be out of
        date: the days from yesterday on (records still change), and earlier days whose rows
        are missing. An earlier day's correction refreshes that day when it is saved (see
        ``smart_kids.centre.day.source``), so a month's report does not recompute the month."""
        recent = max(date_from, fields.Date.today() - timedelta(days=1))
        if recent <= date_to:
            self._refresh(recent, date_to, centres)
        if date_from >= recent:
            return
        self.env.cr.execute(
            SQL(
                """SELECT d::date FROM unnest(%s::date[]) d
                    WHERE (SELECT count(*) FROM smart_kids_centre_day r
                            WHERE r.date = d::date AND r.centre_id = ANY(%s)) < %s""",
                [date_from + timedelta(days=n) for n in range((recent - date_from).days)],
                centres.ids,
                len(centres),
            )
        )
        for (day,) in self.env.cr.fetchall():
            self._refresh(day, day, centres)

    @api.model
    def _missing_labels(self):
        return {
            "checkin": self.env._("check-ins"),
            "health": self.env._("health screens"),
            "lunch": self.env._("lunch"),
            "photo": self.env._("lunch photo"),
            "activity": self.env._("activity"),
        }

    @api.model
    def _cron_refresh(self, days_back=1):
        today = fields.Date.today()
        self.sudo()._refresh(today - timedelta(days=days_back), today + timedelta(days=1))

    @api.model
    def action_open_today(self):
        """The executives' dashboard: refresh today first so what they see is live."""
        today = self.env["smart_kids.centre"]._today()
        # the reader's centres (record rules), not the country's
        self.sudo()._refresh(today, today, self.env["smart_kids.centre"].search([]).sudo())
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "smart_kids_reports.smart_kids_centre_day_action_today"
        )
        # the centres' date, not the browser's nor the user's (often unset, i.e. UTC)
        action["domain"] = [("date", "=", fields.Date.to_string(today))]
        action["context"] = {"search_default_open": 1}
        return action

    def action_refresh(self):
        days = self.sudo()
        for day in set(days.mapped("date")):
            days._refresh(day, day, days.filtered(lambda d, day=day: d.date == day).centre_id)
        return True
