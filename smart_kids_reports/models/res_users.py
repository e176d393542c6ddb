from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _smart_kids_home_action(self):
        """Heads, LAO executives and officers start on the *Today* board: which centres of
        theirs keep their day current (a head sees their own centre's day)."""
        self.ensure_one()
        if self.has_group("smart_kids.smart_kids_group_centre_head") or self.has_group(
            "smart_kids.smart_kids_group_lao_executive"
        ):
            return self.env["smart_kids.centre.day"].action_open_today()
        return super()._smart_kids_home_action()
