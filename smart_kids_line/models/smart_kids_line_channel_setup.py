"""Connecting a LINE Official Account, as a non-technical administrator can: steps on the
form, a *Test connection* button that asks LINE for the bot's profile, and the OA's name and
add-friend QR code for the parents' link slips."""

from urllib.parse import quote
from urllib.parse import urlparse

import urllib3
from linebot.v3.messaging.exceptions import ApiException

from odoo import api
from odoo import fields
from odoo import models

from odoo.addons.smart_kids.models.qr_codes import LOCAL_HOSTS
from odoo.addons.smart_kids.models.qr_codes import qr_png_base64

ADD_FRIEND_URL = "https://line.me/R/ti/p/{}"  # LINE's documented add-friend link (basic ID)
# what decides whether the channel works: changing it means testing again
CONNECTION_FIELDS = ("access_token", "channel_secret", "api_host")


class SmartKidsLineChannel(models.Model):
    _inherit = "smart_kids.line.channel"

    connection_state = fields.Selection(
        [("untested", "Not tested"), ("ok", "Connected"), ("failed", "Not working")],
        string="Connection",
        default="untested",
        readonly=True,
        tracking=True,
    )
    connection_message = fields.Char(readonly=True)
    bot_name = fields.Char(string="Official Account", readonly=True, help="The OA's name on LINE.")
    bot_basic_id = fields.Char(string="LINE ID", readonly=True, help="e.g. @123abcde")
    add_friend_url = fields.Char(compute="_compute_add_friend")
    add_friend_qr = fields.Binary(string="Add-friend QR Code", compute="_compute_add_friend")
    webhook_url_is_public = fields.Boolean(
        compute="_compute_webhook_url_is_public", groups="smart_kids.smart_kids_group_admin"
    )

    @api.depends("bot_basic_id")
    def _compute_add_friend(self):
        for channel in self:
            url = ADD_FRIEND_URL.format(quote(channel.bot_basic_id)) if channel.bot_basic_id else ""
            channel.add_friend_url = url
            channel.add_friend_qr = qr_png_base64(url) if url else False

    @api.depends("webhook_url")
    def _compute_webhook_url_is_public(self):
        for channel in self:
            address = urlparse(channel.webhook_url or "")
            # LINE calls only public HTTPS webhooks
            channel.webhook_url_is_public = (
                address.scheme == "https" and (address.hostname or "") not in LOCAL_HOSTS
            )

    def write(self, vals):
        if any(name in vals for name in CONNECTION_FIELDS):
            vals = {**vals, "connection_state": "untested", "connection_message": False}
        return super().write(vals)

    def action_test_connection(self):
        """Ask LINE who the bot is: a working token answers with the OA's name. Only those
        who may change the channel (administrators) test it: the result is written as
        superuser, the fields being read-only for everyone."""
        self.check_access("write")
        for channel in self:
            try:
                info = channel._messaging_api().get_bot_info(_request_timeout=(3, 10))
            except ApiException as error:
                if error.status in (401, 403):
                    message = self.env._(
                        "LINE refused the channel access token. In the LINE Developers console, "
                        "open the channel's Messaging API tab, issue a long-lived channel access "
                        "token and paste it here."
                    )
                else:
                    message = self.env._("LINE answered %(status)s.", status=error.status)
                channel.sudo().write({"connection_state": "failed", "connection_message": message})
            except (urllib3.exceptions.HTTPError, OSError, ValueError) as error:
                message = self.env._("LINE could not be reached: %(error)s", error=error)
                channel.sudo().write({"connection_state": "failed", "connection_message": message})
            else:
                message = self.env._("Connected to %(name)s.", name=info.display_name)
                channel.sudo().write(
                    {
                        "connection_state": "ok",
                        "connection_message": message,
                        "bot_name": info.display_name,
                        "bot_basic_id": info.basic_id,
                    }
                )
        return True
