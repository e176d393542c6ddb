import logging
import secrets

from linebot.v3.messaging import ApiClient
from linebot.v3.messaging import Configuration
from linebot.v3.messaging import MessagingApi
from linebot.v3.messaging import MessagingApiBlob

from odoo import api
from odoo import fields
from odoo import models

from .smart_kids_line_message import PARALLEL_REQUESTS

_logger = logging.getLogger(__name__)
LINE_API = "https://api.line.me"
LINE_DATA_API = "https://api-data.line.me"  # where LINE keeps the content users send


class SmartKidsLineChannel(models.Model):
    """A LINE Official Account's Messaging API channel, e.g. one per LAO."""

    _name = "smart_kids.line.channel"
    _description = "LINE Channel"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    centre_ids = fields.Many2many(
        "smart_kids.centre", string="Centres", help="Centres whose parents this channel serves."
    )
    access_token = fields.Char(
        string="Channel Access Token", groups="smart_kids.smart_kids_group_admin", copy=False
    )
    channel_secret = fields.Char(groups="smart_kids.smart_kids_group_admin", copy=False)
    api_host = fields.Char(
        string="API Address",
        default=LINE_API,
        required=True,
        groups="smart_kids.smart_kids_group_admin",
        help="LINE's API; only tests point it elsewhere.",
    )
    webhook_token = fields.Char(
        copy=False, readonly=True, groups="smart_kids.smart_kids_group_admin"
    )
    webhook_url = fields.Char(
        compute="_compute_webhook_url", groups="smart_kids.smart_kids_group_admin"
    )
    state = fields.Selection(
        [("active", "Sending"), ("paused", "Paused (authentication failed)")],
        default="active",
        required=True,
        tracking=True,
    )
    monthly_quota = fields.Integer(
        default=300,
        help="Messages per month in the OA plan (free plan: 300), counted per recipient.",
    )
    quota_blocked = fields.Boolean(
        string="Monthly Limit Reached",
        tracking=True,
        help="LINE refused messages for the monthly limit: information messages wait.",
    )
    read_timeout = fields.Float(default=10.0, help="Seconds to wait for LINE's answer.")

    @api.depends("webhook_token")
    def _compute_webhook_url(self):
        base = self.get_base_url()
        for channel in self:
            channel.webhook_url = f"{base}/smart_kids_line/webhook/{channel.webhook_token}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("webhook_token", secrets.token_urlsafe(24))
        return super().create(vals_list)

    def _messaging_api(self):
        """The SDK client for this channel; the outbox owns retries, so urllib3 retries none."""
        self.ensure_one()
        channel = self.sudo()
        configuration = Configuration(
            host=channel.api_host.rstrip("/"), access_token=channel.access_token
        )
        configuration.retries = 0
        # one kept-alive connection per request a sender has in flight
        configuration.connection_pool_maxsize = PARALLEL_REQUESTS
        return MessagingApi(ApiClient(configuration))

    def _line_content(self, message_id):
        """The bytes of a photo a user sent, or None (LINE keeps them for a while only)."""
        self.ensure_one()
        channel = self.sudo()
        host = LINE_DATA_API if channel.api_host.rstrip("/") == LINE_API else channel.api_host
        configuration = Configuration(host=host.rstrip("/"), access_token=channel.access_token)
        configuration.retries = 0
        # one kept-alive connection per request a sender has in flight
        configuration.connection_pool_maxsize = PARALLEL_REQUESTS
        try:
            return bytes(
                MessagingApiBlob(ApiClient(configuration)).get_message_content(
                    message_id, _request_timeout=(3, 10)
                )
            )
        except Exception:
            _logger.warning("LINE content %s could not be fetched", message_id, exc_info=True)
            return None

    def action_resume(self):
        self.write({"state": "active"})
        self.env["smart_kids.line.message"]._trigger_sending()

    def action_unblock_quota(self):
        self.write({"quota_blocked": False})
        self.env["smart_kids.line.message"].search(
            [("channel_id", "in", self.ids), ("state", "=", "blocked")]
        ).write({"state": "queued", "next_attempt_at": fields.Datetime.now()})
        self.env["smart_kids.line.message"]._trigger_sending()

    def _alert_admins(self, summary, note):
        """A to-do for every Smart Kids administrator, on the channel."""
        admins = self.env.ref("smart_kids.smart_kids_group_admin").users.filtered(
            lambda u: u.active and not u._is_superuser()
        )
        for channel in self:
            for user in admins:
                channel.sudo().activity_schedule(
                    "mail.mail_activity_data_todo", summary=summary, note=note, user_id=user.id
                )
            channel.sudo().message_post(body=note)

    @api.model
    def _for_centre(self, centre):
        return self.search([("centre_ids", "in", centre.ids)], limit=1)
