from odoo import api
from odoo import models

from .report_helpers import thai_values


class ReportCertificate(models.AbstractModel):
    """The star certificate of a validated evaluation."""

    _name = "report.smart_kids_reports.report_certificate"
    _description = "Star Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        evaluations = self.env["smart_kids.evaluation"].browse(docids)
        evaluations.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "smart_kids.evaluation",
            "docs": evaluations.filtered(lambda e: e.state == "done" and e.stars),
            **thai_values(self.env),
        }
