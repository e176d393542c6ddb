from odoo import api
from odoo import models

from .report_helpers import thai_values


class ReportDailyCentre(models.AbstractModel):
    """A centre's day on paper: who came, health findings, lunch with photos, activities."""

    _name = "report.smart_kids_reports.report_daily_centre"
    _description = "Daily Centre Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        days = self.env["smart_kids.centre.day"].browse(docids)
        days.check_access("read")
        details = {}
        for day in days:
            domain = [("centre_id", "=", day.centre_id.id), ("date", "=", day.date)]
            details[day.id] = {
                "attendances": self.env["smart_kids.attendance"].search(domain, order="check_in"),
                "absences": self.env["smart_kids.absence"].search(domain),
                "lunches": self.env["smart_kids.lunch"].search(domain),
                "activities": self.env["smart_kids.day.activity"].search(domain),
            }
        return {
            "doc_ids": docids,
            "doc_model": "smart_kids.centre.day",
            "docs": days,
            "details": details,
            **thai_values(self.env),
        }
