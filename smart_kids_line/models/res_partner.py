from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

# Who receives a child's messages: set by the link-code flow (as the server) or by a Smart
# Kids administrator, never by hand by a teacher (who could route a child's alerts to
# their own LINE).
LINE_LINK_FIELDS = {"line_user_id", "line_channel_id", "line_link_active", "line_linked_at"}


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

    @api.model_create_multi
    def create(self, vals_list):
        self._check_line_link_writable(
            {name for vals in vals_list for name in LINE_LINK_FIELDS if vals.get(name)}
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_line_link_writable(LINE_LINK_FIELDS & vals.keys())
        return super().write(vals)

    @api.model
    def _check_line_link_writable(self, fnames):
        if fnames and not (
            self.env.su or self.env.user.has_group("smart_kids.smart_kids_group_admin")
        ):
            raise AccessError(
                self.env._(
                    "A guardian is linked to LINE only by the link code they send to the "
                    "Official Account (or by a Smart Kids administrator)."
                )
            )

    def action_new_line_link_code(self):
        """A fresh single-use code for each guardian (older unused ones stop working), by
        the teachers who may change these guardians (not by read-only roles)."""
        self.check_access("write")
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
