from odoo import Command
from odoo import models
from odoo.tools import html2plaintext


class SmartKidsChild(models.Model):
    """A teacher's message on a child (Send message, not Log note) goes to the child's
    guardians on LINE, as an answer to what they wrote."""

    _inherit = "smart_kids.child"

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        if (
            message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id.user_ids.filtered(lambda u: not u.share)
        ):
            self._line_to_guardians_from(message)
        return result

    def _line_to_guardians_from(self, message):
        self.ensure_one()
        child = self.sudo()
        if not child.line_consent:
            return
        text = html2plaintext(message.body or "").strip()
        if not text:
            return
        guardians = child.guardian_ids.partner_id.filtered(
            lambda p: p.line_link_active and p.line_user_id and p.line_channel_id
        )
        self.env["smart_kids.line.message"].sudo()._enqueue(
            [
                {
                    "channel_id": partner.line_channel_id.id,
                    "target": partner.line_user_id,
                    "partner_id": partner.id,
                    "dedupe_key": f"reply:{message.id}:{partner.id}",
                    "child_ids": [Command.set(child.ids)],
                    "payload": [
                        {
                            "type": "text",
                            "text": f"{child.centre_id.name} ({message.author_id.name}): {text}"[
                                :5000
                            ],
                        }
                    ],
                }
                for partner in guardians
            ]
        )
