from odoo import api
from odoo import models


class ReportCertificate(models.AbstractModel):
    """The star certificate of a validated evaluation."""

    _name = "report.smart_kids_reports.report_certificate"
    _inherit = "smart_kids.thai.report"
    _description = "Star Certificate"
    _docs_model = "smart_kids.evaluation"

    @api.model
    def _extra_values(self, docs):
        # only validated evaluations with stars are certified
        return {"docs": docs.filtered(lambda e: e.state == "done" and e.stars)}
