from odoo import models


class ReportChildProfile(models.AbstractModel):
    """A child's file: identity, guardians, growth with categories, vaccinations."""

    _name = "report.smart_kids_reports.report_child_profile"
    _inherit = "smart_kids.thai.report"
    _description = "Child Profile"
    _docs_model = "smart_kids.child"
