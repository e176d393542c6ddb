import base64
import io
import time

from PIL import Image

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools.misc import limited_field_access_token

PREVIEW_SIDE = 640
PREVIEW_MAX_BYTES = 1024 * 1024  # LINE's limit for previewImageUrl
URL_LIFETIME = 7 * 24 * 3600  # seconds a link sent on LINE keeps working


class SmartKidsPhoto(models.Model):
    _inherit = "smart_kids.photo"

    image_preview = fields.Binary(
        compute="_compute_image_preview",
        store=True,
        attachment=True,
        help="JPEG of at most 640 px and 1 MB, for LINE's preview.",
    )

    @api.depends("image")
    def _compute_image_preview(self):
        for photo in self:
            photo.image_preview = photo.image and base64.b64encode(
                _jpeg_preview(base64.b64decode(photo.image))
            )

    def _line_image_message(self):
        """A LINE image message with expiring, unguessable URLs; only for shareable photos."""
        self.ensure_one()
        if not self.shareable:
            raise ValueError("photo %s shows a child without photo consent" % self.id)
        base = self.get_base_url()
        expires = int(time.time()) + URL_LIFETIME
        sudo = self.sudo()

        def url(field):
            token = limited_field_access_token(sudo, field, timestamp=hex(expires))
            return f"{base}/web/image/smart_kids.photo/{self.id}/{field}?access_token={token}"

        return {
            "type": "image",
            "originalContentUrl": url("image"),
            "previewImageUrl": url("image_preview"),
        }


def _jpeg_preview(data):
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
        for quality in (85, 70, 50):
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=quality, optimize=True)
            if buffer.tell() <= PREVIEW_MAX_BYTES:
                break
        return buffer.getvalue()
