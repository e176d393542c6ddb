from odoo import fields
from odoo import models


class SmartKidsChild(models.Model):
    _inherit = "smart_kids.child"

    van_route_ids = fields.Many2many(
        "smart_kids.van.route",
        "smart_kids_van_route_child_rel",
        "child_id",
        "route_id",
        string="School Van Routes",
    )

    def _checked_in_on(self, day):
        """At the centre on ``day``: checked in and not gone home."""
        self.ensure_one()
        return bool(
            self.env["smart_kids.attendance"]
            .sudo()
            .search_count(
                [("child_id", "=", self.id), ("date", "=", day), ("check_out", "=", False)]
            )
        )
