import json
import logging

from linebot.v3.messaging import ReplyMessageRequest

from odoo import api
from odoo import fields
from odoo import models

from .smart_kids_hooks import UNACCOUNTED_POSTBACK

_logger = logging.getLogger(__name__)


class SmartKidsLineWebhookEvent(models.Model):
    """A webhook event from LINE, stored as received and processed later by a cron."""

    _name = "smart_kids.line.webhook.event"
    _description = "LINE Webhook Event"
    _order = "id desc"
    _rec_name = "event_type"

    channel_id = fields.Many2one(
        "smart_kids.line.channel", required=True, ondelete="cascade", index=True
    )
    webhook_event_id = fields.Char(required=True, readonly=True)
    event_type = fields.Char(readonly=True)
    source_type = fields.Char(readonly=True)
    source_user_id = fields.Char(readonly=True)
    source_group_id = fields.Char(readonly=True)
    payload = fields.Text(readonly=True)
    redelivery = fields.Boolean(readonly=True)
    state = fields.Selection(
        [("new", "New"), ("done", "Processed"), ("error", "Error")], default="new", index=True
    )
    error = fields.Text(readonly=True)

    _sql_constraints = [
        (
            "event_unique",
            "unique(channel_id, webhook_event_id)",
            "This LINE event was already received.",
        ),
    ]

    @api.model
    def _store(self, channel, events):
        """Keep the new events (deduplicated on webhookEventId); return how many were new."""
        ids = [event.get("webhookEventId") for event in events]
        known = set(
            self.sudo()
            .search([("channel_id", "=", channel.id), ("webhook_event_id", "in", ids)])
            .mapped("webhook_event_id")
        )
        vals_list = []
        for event in events:
            event_id = event.get("webhookEventId")
            if not event_id or event_id in known:
                continue
            known.add(event_id)
            source = event.get("source") or {}
            vals_list.append(
                {
                    "channel_id": channel.id,
                    "webhook_event_id": event_id,
                    "event_type": event.get("type"),
                    "source_type": source.get("type"),
                    "source_user_id": source.get("userId"),
                    "source_group_id": source.get("groupId"),
                    "redelivery": bool((event.get("deliveryContext") or {}).get("isRedelivery")),
                    "payload": json.dumps(event, ensure_ascii=False),
                }
            )
        if vals_list:
            self.sudo().create(vals_list)
            cron = self.env.ref("smart_kids_line.ir_cron_line_webhook", raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()
        return len(vals_list)

    @api.model
    def _cron_process(self, batch=200):
        for event in self.search([("state", "=", "new")], order="id", limit=batch):
            try:
                with self.env.cr.savepoint():
                    event._process()
                    event.state = "done"
            except Exception as error:
                _logger.exception("LINE event %s failed", event.webhook_event_id)
                event.write({"state": "error", "error": str(error)})

    def _process(self):
        self.ensure_one()
        handler = getattr(self, f"_on_{self.event_type}", None)
        if handler:
            handler(json.loads(self.payload))

    def _on_follow(self, event):
        self._reply(
            event,
            self.env._(
                "Welcome to Smart Kids! Please send the 8-character code the centre gave you "
                "to receive news of your child."
            ),
        )

    def _on_unfollow(self, event):
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("line_user_id", "=", self.source_user_id),
                    ("line_channel_id", "=", self.channel_id.id),
                ]
            )
        )
        partners.write({"line_link_active": False})

    def _on_message(self, event):
        if self.source_type != "user":
            return
        message = event.get("message") or {}
        partner = False
        if message.get("type") == "text":
            partner = self.env["smart_kids.line.link.code"]._redeem(
                self.channel_id, message.get("text"), self.source_user_id
            )
        if not partner:
            guardian = self._linked_guardian()
            if guardian:
                # a linked guardian writing: a message for the centre, not a code
                guardian._line_message_to_centres(self.channel_id, message)
                self._reply(event, self.env._("Thank you, the centre has your message."))
                return
        if partner:
            children = partner.smart_kids_guardian_ids.child_id
            text = self.env._(
                "Thank you, %(name)s. You will now receive news of %(children)s from the centre.",
                name=partner.name,
                children=", ".join(children.mapped("name")),
            )
        else:
            text = self.env._(
                "This code is not valid or has expired. Please ask the centre for a new one."
            )
        self._reply(event, text)

    def _on_postback(self, event):
        """A guardian's tap on a quick reply of the unaccounted-child alert."""
        data = (event.get("postback") or {}).get("data") or ""
        kind, _sep, rest = data.partition(":")
        case_id, _sep, answer = rest.partition(":")
        guardian = self._linked_guardian()
        if kind != UNACCOUNTED_POSTBACK or not case_id.isdigit() or not guardian:
            return
        case = self.env["smart_kids.unaccounted.case"].sudo().browse(int(case_id)).exists()
        if not case or guardian not in case.child_id.guardian_ids.partner_id:
            return  # only the child's own guardian answers for the child
        env = self.with_context(lang=guardian.lang or "th_TH").env
        if case.with_env(env)._guardian_answer(guardian, answer):
            text = env._("Thank you, the centre knows about %(child)s.", child=case.child_id.name)
        else:
            text = env._(
                "%(child)s is already accounted for at the centre.", child=case.child_id.name
            )
        self._reply(event, text)

    def _linked_guardian(self):
        return (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("line_user_id", "=", self.source_user_id),
                    ("line_channel_id", "=", self.channel_id.id),
                    ("line_link_active", "=", True),
                ],
                limit=1,
            )
        )

    def _on_join(self, event):
        Group = self.env["smart_kids.line.group"].sudo().with_context(active_test=False)
        group = Group.search(
            [("channel_id", "=", self.channel_id.id), ("group_id", "=", self.source_group_id)]
        )
        if group:
            group.active = True
        else:
            group = Group.create(
                {
                    "channel_id": self.channel_id.id,
                    "group_id": self.source_group_id,
                    "joined_at": fields.Datetime.now(),
                }
            )
        group._refresh_member_count()

    def _on_leave(self, event):
        self.env["smart_kids.line.group"].sudo().search(
            [("channel_id", "=", self.channel_id.id), ("group_id", "=", self.source_group_id)]
        ).active = False

    def _on_memberJoined(self, event):
        self._refresh_group()

    def _on_memberLeft(self, event):
        self._refresh_group()

    def _refresh_group(self):
        self.env["smart_kids.line.group"].sudo().search(
            [("channel_id", "=", self.channel_id.id), ("group_id", "=", self.source_group_id)]
        )._refresh_member_count()

    def _reply(self, event, text):
        """Replies are free but their token lives a minute: best effort, not the outbox."""
        token = event.get("replyToken")
        if not token:
            return
        try:
            self.channel_id._messaging_api().reply_message_with_http_info(
                ReplyMessageRequest.from_dict(
                    {"replyToken": token, "messages": [{"type": "text", "text": text}]}
                ),
                _request_timeout=(3, 5),
            )
        except Exception:
            _logger.warning("LINE reply failed for event %s", self.webhook_event_id, exc_info=True)
