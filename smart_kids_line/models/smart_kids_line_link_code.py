import secrets
from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models

# Short enough to type on a phone, unambiguous (no 0/O, 1/I), single-use and short-lived.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
VALID_FOR = timedelta(days=14)


class SmartKidsLineLinkCode(models.Model):
    """A code a guardian sends to the Official Account to link their LINE to their contact."""

    _name = "smart_kids.line.link.code"
    _description = "LINE Link Code"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Guardian", required=True, ondelete="cascade", index=True
    )
    channel_id = fields.Many2one("smart_kids.line.channel", required=True, ondelete="cascade")
    # whoever sends this code from LINE becomes the guardian: only the teachers who hand the
    # slip over read it (executives and officers see that a code exists, not its value)
    code = fields.Char(
        required=True,
        readonly=True,
        index=True,
        copy=False,
        groups="smart_kids.smart_kids_group_teacher",
    )
    expires_at = fields.Datetime(required=True, readonly=True)
    used_at = fields.Datetime(readonly=True)

    _sql_constraints = [("code_unique", "unique(code)", "Link codes must be unique.")]

    @api.model
    def _new_code(self):
        return "".join(secrets.choice(ALPHABET) for _i in range(CODE_LENGTH))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("code", self._new_code())
            vals.setdefault("expires_at", fields.Datetime.now() + VALID_FOR)
        return super().create(vals_list)

    @api.model
    def _redeem(self, channel, text, line_user_id):
        """Link ``line_user_id`` to the guardian whose valid code is in ``text``.

        Returns the guardian, or None when the text holds no valid, unused code.
        """
        words = (
            "".join(ch for ch in word if ch.isalnum()) for word in (text or "").upper().split()
        )
        codes = [w for w in words if len(w) == CODE_LENGTH and set(w) <= set(ALPHABET)]
        if not codes:
            return None
        code = codes[0]
        link = self.sudo().search(
            [
                ("code", "=", code),
                ("channel_id", "=", channel.id),
                ("used_at", "=", False),
                ("expires_at", ">", fields.Datetime.now()),
            ],
            limit=1,
        )
        if not link:
            return None
        link.used_at = fields.Datetime.now()
        link.partner_id.sudo().write(
            {
                "line_user_id": line_user_id,
                "line_channel_id": channel.id,
                "line_link_active": True,
                "line_linked_at": fields.Datetime.now(),
            }
        )
        return link.partner_id
