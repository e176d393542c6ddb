"""What the indicators scored from the data measure, for many centres at once.

Each ``_measure_<key>`` returns ``{centre_id: share between 0 and 1, or None}`` for the
centres and period given; None means the data cannot tell (the evaluator scores it).
The day measures read ``smart_kids.centre.day``: the caller refreshes it for the period
once (see ``smart_kids.evaluation._score_from_data``), not each measure.
"""

from datetime import timedelta

from odoo import api
from odoo import models
from odoo.tools import SQL

GROWTH_WINDOW_DAYS = 92  # DoH: measure under-fives every three months
OPEN_DAYS = SQL("sum(open_count)")


class SmartKidsIndicator(models.Model):
    _inherit = "smart_kids.indicator"

    @api.model
    def _measure(self, measure, centres, date_from, date_to):
        return getattr(self, f"_measure_{measure}")(centres, date_from, date_to)

    def _fetch_shares(self, query):
        self.env.flush_all()
        self.env.cr.execute(query)
        return {
            centre_id: (part / whole if whole else None)
            for centre_id, part, whole in self.env.cr.fetchall()
        }

    def _children_share(self, centres, condition):
        return self._fetch_shares(
            SQL(
                """
SELECT ch.centre_id, count(*) FILTER (WHERE %s), count(*)
  FROM smart_kids_child ch
 WHERE ch.centre_id = ANY(%s) AND ch.state = 'enrolled' AND ch.active IS NOT FALSE
 GROUP BY ch.centre_id""",
                condition,
                centres.ids,
            )
        )

    def _days_share(self, centres, date_from, date_to, part, whole=OPEN_DAYS):
        return self._fetch_shares(
            SQL(
                """
SELECT centre_id, %s, %s FROM smart_kids_centre_day
 WHERE centre_id = ANY(%s) AND date BETWEEN %s AND %s GROUP BY centre_id""",
                part,
                whole,
                centres.ids,
                date_from,
                date_to,
            )
        )

    # children's records
    def _measure_registry(self, centres, date_from, date_to):
        return self._children_share(
            centres,
            SQL(
                "ch.national_id IS NOT NULL AND ch.birth_date IS NOT NULL AND EXISTS "
                "(SELECT 1 FROM smart_kids_child_guardian g WHERE g.child_id = ch.id)"
            ),
        )

    def _measure_qr_cards(self, centres, date_from, date_to):
        return self._children_share(
            centres, SQL("ch.qr_token IS NOT NULL AND ch.card_issued_date IS NOT NULL")
        )

    def _measure_growth(self, centres, date_from, date_to):
        return self._children_share(
            centres,
            SQL(
                "EXISTS (SELECT 1 FROM smart_kids_growth_measurement m WHERE m.child_id = ch.id "
                "AND m.date BETWEEN %s AND %s)",
                date_to - timedelta(days=GROWTH_WINDOW_DAYS),
                date_to,
            ),
        )

    def _measure_vaccination(self, centres, date_from, date_to):
        """Share of enrolled children with no dose overdue on ``date_to`` against the
        national schedule (the core's ``_vaccination_plan``), not merely with a record."""
        Child = self.env["smart_kids.child"].sudo()
        children = Child.search([("centre_id", "in", centres.ids), ("state", "=", "enrolled")])
        counts = {}
        for child, doses in children._vaccination_plan(date_to).items():
            state = Child._vaccination_state_of([status for _dose, status in doses])
            part, whole = counts.get(child.centre_id.id, (0, 0))
            counts[child.centre_id.id] = (part + (state != "overdue"), whole + 1)
        return {centre_id: part / whole for centre_id, (part, whole) in counts.items()}

    def _measure_guardians_linked(self, centres, date_from, date_to):
        """Share of guardians linked to LINE: nothing to measure without LINE (see
        ``smart_kids_reports_line``, which overrides it)."""
        return {}

    def _measure_teacher_records(self, centres, date_from, date_to):
        return self._fetch_shares(
            SQL(
                """
SELECT r.centre_id,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM smart_kids_teacher_qualification q
                                      WHERE q.teacher_id = t.id)),
       count(*)
  FROM smart_kids_centre_teacher_rel r
  JOIN smart_kids_teacher t ON t.id = r.teacher_id AND t.active IS NOT FALSE
 WHERE r.centre_id = ANY(%s)
 GROUP BY r.centre_id""",
                centres.ids,
            )
        )

    # the days of the period
    def _measure_daily_checkin(self, centres, date_from, date_to):
        return self._days_share(
            centres,
            date_from,
            date_to,
            SQL("count(*) FILTER (WHERE is_open AND checked_in_count > 0)"),
        )

    def _measure_attendance_rate(self, centres, date_from, date_to):
        return self._days_share(
            centres,
            date_from,
            date_to,
            SQL("sum(checked_in_count) FILTER (WHERE is_open)"),
            SQL("sum(expected_count) FILTER (WHERE is_open)"),
        )

    def _measure_health_screen(self, centres, date_from, date_to):
        return self._days_share(
            centres,
            date_from,
            date_to,
            SQL("sum(health_screened_count)"),
            SQL("sum(checked_in_count)"),
        )

    def _measure_lunch_recorded(self, centres, date_from, date_to):
        return self._days_share(
            centres, date_from, date_to, SQL("count(*) FILTER (WHERE is_open AND lunch_recorded)")
        )

    def _measure_lunch_photo(self, centres, date_from, date_to):
        return self._days_share(
            centres,
            date_from,
            date_to,
            SQL("count(*) FILTER (WHERE is_open AND lunch_photographed)"),
        )

    def _measure_activities(self, centres, date_from, date_to):
        return self._days_share(
            centres,
            date_from,
            date_to,
            SQL("count(*) FILTER (WHERE is_open AND activity_count > 0)"),
        )

    def _measure_data_freshness(self, centres, date_from, date_to):
        return self._days_share(centres, date_from, date_to, SQL("sum(current_count)"))

    def _measure_satisfaction(self, centres, date_from, date_to):
        results = (
            self.env["smart_kids.satisfaction.result"].sudo()._averages(centres, date_from, date_to)
        )
        return {centre_id: average / 5.0 for centre_id, (average, _count) in results.items()}
