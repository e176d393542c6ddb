from odoo import api
from odoo import models
from odoo.tools import SQL


class SmartKidsExecutiveSummary(models.AbstractModel):
    _inherit = "smart_kids.executive.summary"

    @api.model
    def _guardian_on_line_sql(self):
        return SQL("p.line_link_active IS TRUE")
