from odoo import models

from ..thai_format import thai_line_breaks

# the reports of the Smart Kids modules (smart_kids., smart_kids_reports., smart_kids_line....)
THAI_REPORTS = "smart_kids"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """Our PDFs break Thai lines between words (wkhtmltopdf knows no Thai dictionary)."""
        report = self._get_report(report_ref) if report_ref else self.browse()
        if (report.report_name or "").startswith(THAI_REPORTS):
            bodies = [thai_line_breaks(body) for body in bodies]
            header = thai_line_breaks(header) if header else header
            footer = thai_line_breaks(footer) if footer else footer
        return super()._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
