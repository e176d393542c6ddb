from odoo import api
from odoo import models

from .report_helpers import thai_values


class ReportChildProfile(models.AbstractModel):
    """A child's file: identity, guardians, growth with categories, vaccinations."""

    _name = "report.smart_kids_reports.report_child_profile"
    _description = "Child Profile"

    @api.model
    def _get_report_values(self, docids, data=None):
        children = self.env["smart_kids.child"].browse(docids)
        children.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "smart_kids.child",
            "docs": children,
            **thai_values(self.env),
        }
