"""What every Smart Kids report template gets: Thai dates and numbers, the print date."""

from odoo import api
from odoo import models

from odoo.addons.smart_kids import thai_format


def thai_values(env):
    today = env["smart_kids.centre"]._today()
    return {
        "thai_date": thai_format.thai_date,
        "thai_month": thai_format.thai_month,
        "be_year": thai_format.be_year,
        "fmt_number": thai_format.number,
        "fmt_percent": thai_format.percent,
        "printed_on": thai_format.thai_date(today),
        "printed_by": env.user.name,
        "local_time": lambda centre, dt: centre._local_time_str(dt) if dt else "",
        "selection_label": lambda record, field: dict(
            record._fields[field]._description_selection(record.env)
        ).get(record[field], ""),
    }


class SmartKidsThaiReport(models.AbstractModel):
    """A report over records of ``_docs_model`` that its reader may read, with the Thai
    formatting helpers; each report adds its own values in ``_extra_values``."""

    _name = "smart_kids.thai.report"
    _description = "Smart Kids Report in Thai"
    _docs_model = None

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env[self._docs_model].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": self._docs_model,
            "docs": docs,
            **thai_values(self.env),
            **self._extra_values(docs),
        }

    @api.model
    def _extra_values(self, docs):
        return {}
