"""The figures of the executive summary, defined once: the counters (SQL), the rates, and
the columns of the PDF and the xlsx all come from the tables below. A new figure of the
centre-day table is one line in DAY_COUNTERS and one in FIGURES (plus its Thai label)."""

from typing import NamedTuple

from odoo import api
from odoo import models
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Counters summed from the centre-day table over the period: key -> SQL aggregate.
DAY_COUNTERS = {
    "open_days": "sum(open_count)",
    "current_days": "sum(current_count)",
    "expected": "sum(expected_count) FILTER (WHERE is_open)",
    "checked_in": "sum(checked_in_count)",
    "lunch_days": "count(*) FILTER (WHERE lunch_recorded)",
    "lunch_photo_days": "count(*) FILTER (WHERE lunch_photographed)",
    "activities": "sum(activity_count)",
    "activity_days": "count(*) FILTER (WHERE activity_count > 0)",
    "health_findings": "sum(health_abnormal_count)",
}
# Counters of the children and guardians enrolled now (see _add_children).
CHILD_COUNTERS = ("enrolled", "growth_flags", "guardians", "guardians_line")
# Developmental screenings (DSPM) of the period: key -> SQL aggregate (see _add_screenings).
SCREENING_COUNTERS = {
    "dspm_screened": "count(*)",
    "dspm_delays": "count(*) FILTER (WHERE outcome IN ('delay', 'referred'))",
}
COUNTERS = (*CHILD_COUNTERS, *DAY_COUNTERS, *SCREENING_COUNTERS)


class Figure(NamedTuple):
    """A column of the summary: a counter (``kind`` "int") or a share of two (``pct``)."""

    key: str
    label: LazyTranslate
    kind: str = "int"
    part: str = ""
    whole: str = ""
    alert_below: float | None = None  # the PDF marks a centre under this share


# The columns of a centre's row, in order, in the PDF and the xlsx.
FIGURES = (
    Figure("enrolled", _lt("Children")),
    Figure("attendance_rate", _lt("Attendance"), "pct", "checked_in", "expected"),
    Figure("current_days_rate", _lt("Data current"), "pct", "current_days", "open_days", 50),
    Figure("lunch_rate", _lt("Lunch recorded"), "pct", "lunch_days", "open_days"),
    Figure("lunch_photo_rate", _lt("Lunch photo"), "pct", "lunch_photo_days", "open_days"),
    Figure("activities", _lt("Activities")),
    Figure("activity_rate", _lt("Activity days"), "pct", "activity_days", "open_days"),
    Figure("line_rate", _lt("On LINE"), "pct", "guardians_line", "guardians"),
    Figure("health_findings", _lt("Health findings")),
    Figure("growth_flags", _lt("Growth flags")),
    Figure("dspm_screened", _lt("DSPM screenings")),
    Figure("dspm_delays", _lt("Suspected delays")),
)


class SmartKidsExecutiveSummary(models.AbstractModel):
    _name = "smart_kids.executive.summary"
    _description = "Executive Summary Figures"

    @api.model
    def _scope_centres(self, area):
        """Centres under ``area`` that the current user may read (record rules apply)."""
        return self.env["smart_kids.centre"].search(
            [("area_id", "child_of", area.ids)], order="district_id, lao_id, name"
        )

    @api.model
    def _compute(self, area, date_from, date_to):
        """Rows per centre plus totals for the period; only centres the user may read."""
        area.check_access("read")  # an area out of reach is refused, not reported empty
        centres = self._scope_centres(area)
        self.env["smart_kids.centre.day"].sudo()._refresh_for_report(date_from, date_to, centres)
        rows = {c.id: dict.fromkeys(COUNTERS, 0) | {"centre": c} for c in centres}
        if centres:
            self._add_days(rows, centres, date_from, date_to)
            self._add_children(rows, centres)
            self._add_screenings(rows, centres, date_from, date_to)
            self._add_evaluations(rows, centres)
        ordered = list(rows.values())
        totals = {key: sum(row[key] for row in ordered) for key in COUNTERS}
        for row in [*ordered, totals]:
            self._add_rates(row)
        totals["centres"] = len(ordered)
        totals["stars"] = self._stars_distribution(ordered)
        return {"rows": ordered, "totals": totals}

    @api.model
    def _add_days(self, rows, centres, date_from, date_to):
        self._add_period_counters(
            rows, "smart_kids_centre_day", DAY_COUNTERS, centres, date_from, date_to
        )

    @api.model
    def _add_children(self, rows, centres):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
SELECT ch.centre_id, count(DISTINCT ch.id),
       count(DISTINCT ch.id) FILTER (WHERE g.needs_attention),
       count(DISTINCT cg.partner_id),
       count(DISTINCT cg.partner_id) FILTER (WHERE %s)
  FROM smart_kids_child ch
  LEFT JOIN smart_kids_growth_measurement g ON g.id = ch.last_growth_id
  LEFT JOIN smart_kids_child_guardian cg ON cg.child_id = ch.id
  LEFT JOIN res_partner p ON p.id = cg.partner_id
 WHERE ch.centre_id = ANY(%s) AND ch.state = 'enrolled' AND ch.active IS NOT FALSE
 GROUP BY ch.centre_id""",
                self._guardian_on_line_sql(),
                centres.ids,
            )
        )
        for centre_id, *values in self.env.cr.fetchall():
            rows[centre_id].update(zip(CHILD_COUNTERS, values, strict=True))

    @api.model
    def _add_screenings(self, rows, centres, date_from, date_to):
        self._add_period_counters(
            rows, "smart_kids_dspm_screening", SCREENING_COUNTERS, centres, date_from, date_to
        )

    @api.model
    def _add_period_counters(self, rows, table, counters, centres, date_from, date_to):
        """Sum ``counters`` ({key: SQL aggregate}) of ``table``'s rows per centre and period."""
        # the table and the aggregates are this module's constants, never input
        aggregates = SQL(", ".join(counters.values()))  # pylint: disable=sql-injection
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
SELECT centre_id, %s
  FROM %s
 WHERE centre_id = ANY(%s) AND date BETWEEN %s AND %s
 GROUP BY centre_id""",
                aggregates,
                SQL.identifier(table),
                centres.ids,
                date_from,
                date_to,
            )
        )
        for centre_id, *values in self.env.cr.fetchall():
            rows[centre_id].update(zip(counters, (v or 0 for v in values), strict=True))

    @api.model
    def _guardian_on_line_sql(self):
        """Condition on guardian ``p`` (res_partner) being reachable on LINE: never, unless
        ``smart_kids_reports_line`` is installed."""
        return SQL("FALSE")

    @api.model
    def _add_evaluations(self, rows, centres):
        latest = self.env["smart_kids.evaluation"]._latest_done(centres)
        for centre_id, evaluation in latest.items():
            rows[centre_id]["evaluation"] = evaluation

    @api.model
    def _add_rates(self, row):
        for figure in FIGURES:
            if figure.kind == "pct":
                whole = row[figure.whole]
                row[figure.key] = round(100.0 * row[figure.part] / whole, 1) if whole else None

    @api.model
    def _columns(self):
        """The figures' columns with their labels in the user's language."""
        return [(figure, figure.label._translate(self.env.lang)) for figure in FIGURES]

    @api.model
    def _stars_distribution(self, rows):
        counts = dict.fromkeys(range(6), 0)
        for row in rows:
            evaluation = row.get("evaluation")
            counts[evaluation.stars if evaluation else 0] += 1
        return counts
