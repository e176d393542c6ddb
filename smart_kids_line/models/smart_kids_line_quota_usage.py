from odoo import fields
from odoo import models


class SmartKidsLineQuotaUsage(models.Model):
    """What one batch of the sender had LINE accept: rows are only ever added.

    Several senders work at once; a shared counter row updated by each would make all but one
    fail under PostgreSQL's repeatable read (Odoo's isolation) and lose their batch's results.
    Each batch adds its own row in the same transaction as the messages it marks sent, so the
    ledger equals what LINE accepted, and senders never wait for one another."""

    _name = "smart_kids.line.quota.usage"
    _description = "LINE Quota Usage"
    _log_access = False

    channel_id = fields.Many2one(
        "smart_kids.line.channel", required=True, ondelete="cascade", index=True
    )
    month = fields.Char(required=True, index=True, help="YYYY-MM")
    recipients = fields.Integer(required=True)
