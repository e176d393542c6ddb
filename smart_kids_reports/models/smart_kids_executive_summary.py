"""The figures of the executive summary, computed once for the PDF, the xlsx and the bench."""

from odoo import api
from odoo import models
from odoo.tools import SQL

# from the centre-day table, in the order of the SELECT in _add_days
DAY_COUNTERS = (
    "open_days",
    "current_days",
    "expected",
    "checked_in",
    "lunch_days",
    "lunch_photo_days",
    "activities",
    "activity_days",
    "health_findings",
)
COUNTERS = ("enrolled", *DAY_COUNTERS, "growth_flags", "guardians", "guardians_line")


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
        self.env["smart_kids.centre.day"].sudo()._refresh(date_from, date_to, centres)
        rows = {c.id: dict.fromkeys(COUNTERS, 0) | {"centre": c} for c in centres}
        if centres:
            self._add_days(rows, centres, date_from, date_to)
            self._add_children(rows, centres)
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
        self.env.cr.execute(
            SQL(
                """
SELECT centre_id, sum(open_count), sum(current_count), sum(expected_count) FILTER (WHERE is_open),
       sum(checked_in_count), count(*) FILTER (WHERE lunch_recorded),
       count(*) FILTER (WHERE lunch_photographed), sum(activity_count),
       count(*) FILTER (WHERE activity_count > 0), sum(health_abnormal_count)
  FROM smart_kids_centre_day
 WHERE centre_id = ANY(%s) AND date BETWEEN %s AND %s
 GROUP BY centre_id""",
                centres.ids,
                date_from,
                date_to,
            )
        )
        for centre_id, *values in self.env.cr.fetchall():
            rows[centre_id].update(zip(DAY_COUNTERS, (v or 0 for v in values), strict=True))

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
        keys = ("enrolled", "growth_flags", "guardians", "guardians_line")
        for centre_id, *values in self.env.cr.fetchall():
            rows[centre_id].update(zip(keys, values, strict=True))

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
        def share(part, whole):
            return round(100.0 * part / whole, 1) if whole else None

        row["attendance_rate"] = share(row["checked_in"], row["expected"])
        row["currency_rate"] = share(row["current_days"], row["open_days"])
        row["lunch_rate"] = share(row["lunch_days"], row["open_days"])
        row["lunch_photo_rate"] = share(row["lunch_photo_days"], row["open_days"])
        row["activity_rate"] = share(row["activity_days"], row["open_days"])
        row["line_rate"] = share(row["guardians_line"], row["guardians"])

    @api.model
    def _stars_distribution(self, rows):
        counts = dict.fromkeys(range(6), 0)
        for row in rows:
            evaluation = row.get("evaluation")
            counts[evaluation.stars if evaluation else 0] += 1
        return counts
