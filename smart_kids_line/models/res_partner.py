from odoo import fields
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    line_user_id = fields.Char(
        string="LINE User ID",
        copy=False,
        groups="smart_kids.smart_kids_group_teacher,smart_kids.smart_kids_group_lao_executive",
    )
    line_channel_id = fields.Many2one("smart_kids.line.channel", string="LINE Channel", copy=False)
    line_link_active = fields.Boolean(string="Linked to LINE", copy=False)
    line_linked_at = fields.Datetime(string="Linked to LINE On", copy=False)
    line_link_code_ids = fields.One2many(
        "smart_kids.line.link.code", "partner_id", string="LINE Link Codes"
    )

    def action_new_line_link_code(self):
        """A fresh single-use code for each guardian (older unused ones stop working)."""
        Code = self.env["smart_kids.line.link.code"]
        for partner in self:
            centre = partner.smart_kids_guardian_ids.child_id.centre_id[:1]
            channel = self.env["smart_kids.line.channel"].sudo()._for_centre(centre)
            if not channel:
                continue
            partner.line_link_code_ids.filtered(lambda c: not c.used_at).sudo().write(
                {"expires_at": fields.Datetime.now()}
            )
            Code.sudo().create({"partner_id": partner.id, "channel_id": channel.id})
        return True
