from odoo import api
from odoo import models


class ReportDailyCentre(models.AbstractModel):
    """A centre's day on paper: who came, health findings, lunch with photos, activities."""

    _name = "report.smart_kids_reports.report_daily_centre"
    _inherit = "smart_kids.thai.report"
    _description = "Daily Centre Report"
    _docs_model = "smart_kids.centre.day"

    @api.model
    def _extra_values(self, docs):
        details = {}
        for day in docs:
            domain = [("centre_id", "=", day.centre_id.id), ("date", "=", day.date)]
            details[day.id] = {
                "attendances": self.env["smart_kids.attendance"].search(domain, order="check_in"),
                "absences": self.env["smart_kids.absence"].search(domain),
                "lunches": self.env["smart_kids.lunch"].search(domain),
                "activities": self.env["smart_kids.day.activity"].search(domain),
            }
        return {"details": details}
