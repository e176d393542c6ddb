from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api
from odoo import fields
from odoo import models

from .report_helpers import thai_values

ABSENCE_MARKS = {"sick": "ป", "leave": "ล", "other": "ล"}
PRESENT_MARK = "/"
UNEXCUSED_MARK = "ข"


class ReportAttendanceRegister(models.AbstractModel):
    """The monthly register: a row per child, a column per school day, totals, signatures."""

    _name = "report.smart_kids_reports.report_attendance_register"
    _description = "Monthly Attendance Register"

    @api.model
    def _register_grid(self, centre, month_start, classroom=None):
        """The grid of one centre (or one of its classrooms) for the month of ``month_start``."""
        month_end = month_start + relativedelta(months=1, days=-1)
        today = centre._today()
        days = [
            month_start + timedelta(days=n)
            for n in range((month_end - month_start).days + 1)
            if centre._is_open_on(month_start + timedelta(days=n))
        ]
        child_domain = [
            ("centre_id", "=", centre.id),
            "|",
            ("enrolment_date", "=", False),
            ("enrolment_date", "<=", month_end),
        ]
        if classroom:
            child_domain.append(("classroom_id", "=", classroom.id))
        period = [("date", ">=", month_start), ("date", "<=", month_end)]
        attendances = self.env["smart_kids.attendance"].search_read(
            [("centre_id", "=", centre.id), *period], ["child_id", "date"], load=None
        )
        absences = self.env["smart_kids.absence"].search_read(
            [("centre_id", "=", centre.id), *period], ["child_id", "date", "reason"], load=None
        )
        present = {(row["child_id"], row["date"]) for row in attendances}
        absent = {(row["child_id"], row["date"]): row["reason"] for row in absences}
        # a day on which the centre recorded nobody was not kept on the system: left blank,
        # not "absent without notice" for every child
        kept = {row["date"] for row in attendances} | {row["date"] for row in absences}
        children = self.env["smart_kids.child"].search(
            [*child_domain, "|", ("state", "=", "enrolled"), ("id", "in", [r[0] for r in present])],
            order="classroom_id, first_name, last_name",
        )
        rows = []
        day_totals = dict.fromkeys(days, 0)
        for child in children:
            marks, count = [], 0
            for day in days:
                if (child.id, day) in present:
                    marks.append(PRESENT_MARK)
                    count += 1
                    day_totals[day] += 1
                elif (child.id, day) in absent:
                    marks.append(ABSENCE_MARKS.get(absent[(child.id, day)], "ล"))
                elif (
                    day in kept
                    and day <= today
                    and (not child.enrolment_date or child.enrolment_date <= day)
                ):
                    marks.append(UNEXCUSED_MARK)
                else:
                    marks.append("")
            rows.append({"child": child, "marks": marks, "present": count})
        return {
            "centre": centre,
            "classroom": classroom,
            "month": month_start,
            "days": days,
            "rows": rows,
            "day_totals": [day_totals[d] for d in days],
            "total_present": sum(day_totals.values()),
            "days_not_kept": len([d for d in days if d <= today and d not in kept]),
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        centres = self.env["smart_kids.centre"].browse(data.get("centre_ids") or docids)
        centres.check_access("read")
        month = fields.Date.to_date(data.get("month")) or centres[:1]._today()
        month_start = month.replace(day=1)
        classroom = self.env["smart_kids.classroom"].browse(data.get("classroom_id") or [])
        registers = [self._register_grid(centre, month_start, classroom) for centre in centres]
        return {
            "doc_ids": centres.ids,
            "doc_model": "smart_kids.centre",
            "docs": centres,
            "registers": registers,
            **thai_values(self.env),
        }
