from odoo import api
from odoo import fields
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    smart_kids_area_ids = fields.Many2many(
        "smart_kids.area",
        "smart_kids_area_user_rel",
        "user_id",
        "area_id",
        string="Smart Kids Areas",
        help="The province, districts, LAOs or centres this user works on. The user sees "
        "what lies at or below them, as their Smart Kids role allows.",
    )
    smart_kids_teacher_ids = fields.One2many(
        "smart_kids.teacher", "user_id", string="Teacher Records"
    )
    smart_kids_scope_area_ids = fields.Many2many(
        "smart_kids.area",
        compute="_compute_smart_kids_scope_area_ids",
        string="Smart Kids Scope",
        help="Areas given to the user plus the centres of their teacher record.",
    )

    @api.depends("smart_kids_area_ids", "smart_kids_teacher_ids.centre_ids")
    def _compute_smart_kids_scope_area_ids(self):
        for user in self:
            user.smart_kids_scope_area_ids = (
                user.smart_kids_area_ids
                | user.smart_kids_teacher_ids.filtered("active").centre_ids.area_id
            )

    def _get_invalidation_fields(self):
        # record rules read the scope: a change must reach the cached rule domains at once
        return super()._get_invalidation_fields() | {"smart_kids_area_ids"}
