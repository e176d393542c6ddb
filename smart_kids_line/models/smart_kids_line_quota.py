from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

ALERT_LEVELS = (80, 95)


class SmartKidsLineQuota(models.Model):
    """Messages counted per channel and month, per recipient as LINE bills them."""

    _name = "smart_kids.line.quota"
    _description = "LINE Quota Ledger"
    _order = "month desc"

    channel_id = fields.Many2one(
        "smart_kids.line.channel", required=True, ondelete="cascade", index=True
    )
    month = fields.Char(required=True, help="YYYY-MM")
    used = fields.Integer(readonly=True, default=0)
    alerted_level = fields.Integer(
        readonly=True, default=0, help="Highest alert already sent this month (%)."
    )

    _sql_constraints = [
        ("channel_month_unique", "unique(channel_id, month)", "One ledger line per month.")
    ]

    @api.model
    def _count(self, channel, recipients):
        month = fields.Date.context_today(self).strftime("%Y-%m")
        ledger = self.sudo().search([("channel_id", "=", channel.id), ("month", "=", month)])
        if not ledger:
            ledger = self.sudo().create({"channel_id": channel.id, "month": month})
        # concurrent senders: let the database add, not Python
        self.env.cr.execute(
            SQL(
                "UPDATE smart_kids_line_quota SET used = COALESCE(used, 0) + %s"
                " WHERE id = %s RETURNING used",
                recipients,
                ledger.id,
            )
        )
        used = self.env.cr.fetchone()[0]
        ledger.invalidate_recordset(["used"])
        quota = channel.sudo().monthly_quota
        if not quota:
            return
        level = max((lvl for lvl in ALERT_LEVELS if used * 100 >= lvl * quota), default=0)
        if level > (ledger.alerted_level or 0):
            ledger.alerted_level = level
            channel._alert_admins(
                self.env._("LINE quota at %(level)s %%", level=level),
                self.env._(
                    "%(used)s of %(quota)s messages of the month are used on %(channel)s.",
                    used=used,
                    quota=quota,
                    channel=channel.name,
                ),
            )
