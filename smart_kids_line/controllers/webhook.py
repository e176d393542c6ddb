"""LINE's webhook: check the signature on the raw body, store, answer at once."""

import json
import logging

from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.webhook import WebhookParser

from odoo import http
from odoo.http import request

_logger = logging.getLogger(__name__)


class SmartKidsLineWebhook(http.Controller):
    @http.route(
        "/smart_kids_line/webhook/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def webhook(self, token):
        channel = (
            request.env["smart_kids.line.channel"]
            .sudo()
            .search([("webhook_token", "=", token)], limit=1)
            if token and len(token) <= 64
            else None
        )
        if not channel:
            return request.make_response("unknown channel", status=404)
        raw = request.httprequest.get_data(cache=False)
        signature = request.httprequest.headers.get("X-Line-Signature", "")
        try:
            body = raw.decode("utf-8")
            WebhookParser(channel.channel_secret).parse(body, signature)
            events = json.loads(body)["events"]
            if not isinstance(events, list):
                raise ValueError("events is not a list")
        except InvalidSignatureError:
            return request.make_response("bad signature", status=401)
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            return request.make_response("malformed body", status=400)
        request.env["smart_kids.line.webhook.event"].sudo()._store(channel, events)
        return request.make_response("OK", status=200)
