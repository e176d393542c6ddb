from odoo import api
from odoo import models

ROLE_GROUPS = ("smart_kids.smart_kids_group_teacher", "smart_kids.smart_kids_group_lao_executive")
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    """Each role's day starts on its own screen: after login (the user's home action) and
    when the Smart Kids app is opened (the app's action), the same server action asks
    ``_smart_kids_home_action``."""

    _inherit = "res.users"

    def _smart_kids_home(self):
        """The home action, presented as the Smart Kids app's own action: the web client finds
        the current app (and shows its menus) by the id of the action on screen, and a reload
        of the page runs the home again."""
        action = self._smart_kids_home_action()
        action["id"] = self.env.ref("smart_kids.action_smart_kids_home").id
        return action

    def _smart_kids_home_action(self):
        """Teachers: the check-in screen, whose buttons lead to the rest of their day. Others:
        the children. Satellites refine it (the reports send heads and executives to their
        *Today* board)."""
        self.ensure_one()
        Action = self.env["ir.actions.actions"]
        if self.has_group("smart_kids.smart_kids_group_teacher"):
            return Action._for_xml_id("smart_kids.smart_kids_checkin_action")
        return Action._for_xml_id("smart_kids.smart_kids_child_action")

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._smart_kids_set_home()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._smart_kids_set_home()
        return result

    def _smart_kids_set_home(self):
        """Users given a Smart Kids role land on its home, unless a home was chosen for them."""
        home = self.env.ref("smart_kids.action_smart_kids_home", raise_if_not_found=False)
        if not home:
            return  # the module's data is not loaded yet (install)
        for user in self.sudo():
            if not user.action_id and any(user.has_group(group) for group in ROLE_GROUPS):
                user.action_id = home.id  # an ir.actions.actions id
