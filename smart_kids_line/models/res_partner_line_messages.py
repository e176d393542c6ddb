from odoo import models


class ResPartner(models.Model):
    """A linked guardian's own messages on LINE reach the centre of each of their children."""

    _inherit = "res.partner"

    def _line_message_to_centres(self, channel, message):
        """Post ``message`` (a LINE message object: text, sticker, image...) on each of the
        guardian's children, as the guardian, for the teachers and the head of the child's
        centre (their Odoo inbox)."""
        self.ensure_one()
        kind = message.get("type")
        attachments = []
        if kind == "text":
            what = message.get("text") or ""
        elif kind == "sticker":
            what = self.env._("(a sticker)")
        elif kind == "image":
            what = self.env._("(a photo)")
            content = channel._line_content(message.get("id"))
            if content:
                attachments.append((f"LINE photo {message.get('id')}.jpg", content))
        else:
            what = self.env._("(a message of type %(kind)s)", kind=kind)
        children = self.sudo().smart_kids_guardian_ids.child_id.filtered(
            lambda child: child.centre_id in channel.centre_ids
        )
        for child in children:
            centre = child.centre_id
            child.message_post(
                body=self.env._(
                    "On LINE from %(guardian)s: %(text)s", guardian=self.name, text=what
                ),
                author_id=self.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=centre._teacher_users().partner_id.ids,  # the head is one of them
                attachments=attachments,
            )
