from odoo import fields
from odoo import models


class SmartKidsLineTrigger(models.Model):
    _inherit = "smart_kids.line.trigger"

    event = fields.Selection(
        selection_add=[
            ("van_boarded", "Child boarded the school van"),
            ("van_dropped", "Child dropped at home by the van"),
            ("van_trip_overdue", "School van late with children on board"),
        ],
        ondelete={
            "van_boarded": "cascade",
            "van_dropped": "cascade",
            "van_trip_overdue": "cascade",
        },
    )
