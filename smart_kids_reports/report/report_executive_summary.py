from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.smart_kids import thai_format

from .report_helpers import thai_values


def fmt_figure(figure, row):
    """A figure of a summary row as the PDF shows it: 1,234 or 95.5%."""
    if figure.kind == "pct":
        return thai_format.percent(row[figure.part], row[figure.whole])
    return thai_format.number(row[figure.key])


class ReportExecutiveSummary(models.AbstractModel):
    """One LAO, district or province over a period, with a row per centre.

    The figures come from ``smart_kids.executive.summary`` as the printing user: an LAO
    executive who asks for the province gets the centres of their LAO only.
    """

    _name = "report.smart_kids_reports.report_executive_summary"
    _description = "Executive Summary"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        if not data.get("area_id"):
            raise UserError(self.env._("Choose the LAO, district or province to summarise."))
        area = self.env["smart_kids.area"].browse(data["area_id"])
        area.check_access("read")
        date_from = fields.Date.to_date(data["date_from"])
        date_to = fields.Date.to_date(data["date_to"])
        summary = self.env["smart_kids.executive.summary"]._compute(area, date_from, date_to)
        return {
            "doc_ids": area.ids,
            "doc_model": "smart_kids.area",
            "docs": area,
            "area": area,
            "date_from": date_from,
            "date_to": date_to,
            "summary": summary,
            "columns": self.env["smart_kids.executive.summary"]._columns(),
            "fmt_figure": fmt_figure,
            **thai_values(self.env),
        }
