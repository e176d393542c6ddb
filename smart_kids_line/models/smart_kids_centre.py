from odoo import models


class SmartKidsCentre(models.Model):
    _inherit = "smart_kids.centre"

    def _line_guardians(self):
        """The guardians linked to LINE of the centre's enrolled children whose guardians
        agreed to LINE: who may hear from the centre on LINE."""
        children = (
            self.env["smart_kids.child"]
            .sudo()
            .search(
                [
                    ("centre_id", "in", self.ids),
                    ("state", "=", "enrolled"),
                    ("line_consent", "=", True),
                ]
            )
        )
        return children.guardian_ids.partner_id.filtered(
            lambda p: p.line_link_active and p.line_user_id and p.line_channel_id
        )
