"""One Smart Kids role per user, chosen from a list on the user's form.

Odoo's user form lists a category's groups as one selection only when each implies the
next; the Smart Kids roles branch (centre staff, officers), so Odoo would show them as
checkboxes in developer mode only. The role field below is what an administrator picks.
"""

from odoo import api
from odoo import fields
from odoo import models

# highest first: a user holding several keeps the highest
ROLES = [
    ("admin", "Smart Kids Administrator", "smart_kids.smart_kids_group_admin"),
    ("province_officer", "Province Officer", "smart_kids.smart_kids_group_province_officer"),
    ("district_officer", "District Officer", "smart_kids.smart_kids_group_district_officer"),
    ("lao_executive", "LAO Executive", "smart_kids.smart_kids_group_lao_executive"),
    ("centre_head", "Centre Head", "smart_kids.smart_kids_group_centre_head"),
    ("teacher", "Teacher", "smart_kids.smart_kids_group_teacher"),
]


class ResUsers(models.Model):
    _inherit = "res.users"

    smart_kids_role = fields.Selection(
        [(key, label) for key, label, _group in ROLES],
        string="Smart Kids Role",
        compute="_compute_smart_kids_role",
        inverse="_inverse_smart_kids_role",
        help="What the user may do in the centres of their areas (or of their teacher "
        "record). Empty: no access to Smart Kids.",
    )

    @api.depends("groups_id")
    def _compute_smart_kids_role(self):
        groups = [(key, self.env.ref(xmlid)) for key, _label, xmlid in ROLES]
        for user in self:
            user.smart_kids_role = next(
                (key for key, group in groups if group in user.groups_id), False
            )

    def _inverse_smart_kids_role(self):
        groups = {key: self.env.ref(xmlid) for key, _label, xmlid in ROLES}
        for user in self:
            commands = [fields.Command.unlink(group.id) for group in groups.values()]
            if user.smart_kids_role:
                commands.append(fields.Command.link(groups[user.smart_kids_role].id))
            user.groups_id = commands
