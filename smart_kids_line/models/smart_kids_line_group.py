from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SmartKidsLineGroup(models.Model):
    """A LINE group the bot was invited to; a centre head links it to their centre."""

    _name = "smart_kids.line.group"
    _description = "LINE Group"
    _inherit = ["smart_kids.scoped.mixin"]
    _scope_admin_fields = ("channel_id",)
    _order = "name, id"

    name = fields.Char(default=lambda self: self.env._("LINE group"))
    channel_id = fields.Many2one(
        "smart_kids.line.channel", required=True, ondelete="cascade", index=True
    )
    group_id = fields.Char(string="LINE Group ID", required=True, readonly=True)
    centre_id = fields.Many2one("smart_kids.centre", index=True, ondelete="set null")
    member_count = fields.Integer(
        readonly=True, help="Each group message counts this many in the quota."
    )
    active = fields.Boolean(
        default=True, help="Off once the bot left or was removed from the group."
    )
    joined_at = fields.Datetime(readonly=True)

    _sql_constraints = [
        ("group_unique", "unique(channel_id, group_id)", "This LINE group is already known."),
    ]

    @api.constrains("channel_id", "centre_id")
    def _check_centre_of_channel(self):
        for group in self.sudo():
            channel_centres = group.channel_id.centre_ids
            if group.centre_id and channel_centres and group.centre_id not in channel_centres:
                raise ValidationError(
                    self.env._(
                        "%(centre)s is not served by the LINE channel %(channel)s.",
                        centre=group.centre_id.name,
                        channel=group.channel_id.name,
                    )
                )

    def _refresh_member_count(self):
        for group in self:
            try:
                response = group.channel_id._messaging_api().get_group_member_count(group.group_id)
                group.sudo().member_count = response.count  # LINE's figure, not the user's
            except Exception:
                continue
