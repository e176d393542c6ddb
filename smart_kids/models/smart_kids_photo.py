from odoo import api
from odoo import fields
from odoo import models


class SmartKidsPhoto(models.Model):
    """A photo of the day (lunch or activity) and the children who appear in it.

    Who appears decides who may see it: a photo may be shared only when every child in
    it has photo consent (see ``shareable``).
    """

    _name = "smart_kids.photo"
    _description = "Photo"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "id"

    # stored resized: phones take 12-megapixel pictures, parents need a screen's worth
    image = fields.Image(required=True, max_width=1920, max_height=1920)
    caption = fields.Char()
    centre_id = fields.Many2one("smart_kids.centre", required=True, index=True, ondelete="cascade")
    lunch_id = fields.Many2one("smart_kids.lunch", index=True, ondelete="cascade")
    day_activity_id = fields.Many2one("smart_kids.day.activity", index=True, ondelete="cascade")
    child_ids = fields.Many2many(
        "smart_kids.child", string="Children in the Photo", domain="[('centre_id', '=', centre_id)]"
    )
    shareable = fields.Boolean(
        compute="_compute_shareable",
        help="Every child in the photo has photo consent.",
    )
    consent_missing = fields.Char(
        string="Not Shareable",
        compute="_compute_shareable",
        help="The children in the photo whose guardians have not given photo consent.",
    )

    @api.constrains("centre_id", "lunch_id", "day_activity_id", "child_ids")
    def _check_same_centre(self):
        self._check_centre_agrees("lunch_id", "day_activity_id", "child_ids")

    @api.depends("child_ids.photo_consent")
    def _compute_shareable(self):
        for photo in self:
            without = photo.child_ids.filtered(lambda child: not child.photo_consent)
            photo.shareable = not without
            photo.consent_missing = (
                self.env._(
                    "Not shared with parents: no photo consent for %(children)s",
                    children=", ".join(without.mapped("display_name")),
                )
                if without
                else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("centre_id"):
                parent = self.env["smart_kids.lunch"].browse(vals.get("lunch_id")) or self.env[
                    "smart_kids.day.activity"
                ].browse(vals.get("day_activity_id"))
                vals["centre_id"] = parent.centre_id.id
        return super().create(vals_list)
