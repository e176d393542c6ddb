from collections import Counter

import psycopg2

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

ALERT_LEVELS = (80, 95)


class SmartKidsLineQuota(models.Model):
    """Messages counted per channel and month, per recipient as LINE bills them. The count is
    the sum of the senders' usage rows (``smart_kids.line.quota.usage``)."""

    _name = "smart_kids.line.quota"
    _description = "LINE Quota Ledger"
    _order = "month desc"

    channel_id = fields.Many2one(
        "smart_kids.line.channel", required=True, ondelete="cascade", index=True
    )
    month = fields.Char(required=True, help="YYYY-MM")
    used = fields.Integer(compute="_compute_used")
    alerted_level = fields.Integer(
        readonly=True, default=0, help="Highest alert already sent this month (%)."
    )

    _sql_constraints = [
        ("channel_month_unique", "unique(channel_id, month)", "One ledger line per month.")
    ]

    def _compute_used(self):
        used = dict.fromkeys(self.ids, 0)
        if self.ids:
            self.env.cr.execute(
                SQL(
                    """
                    SELECT q.id, SUM(u.recipients) FROM smart_kids_line_quota q
                      JOIN smart_kids_line_quota_usage u
                        ON u.channel_id = q.channel_id AND u.month = q.month
                     WHERE q.id = ANY(%s) GROUP BY q.id
                    """,
                    self.ids,
                )
            )
            used.update(self.env.cr.fetchall())
        for ledger in self:
            ledger.used = used.get(ledger.id, 0)

    @api.model
    def _month(self):
        return fields.Date.context_today(self).strftime("%Y-%m")

    @api.model
    def _record_sent(self, messages):
        """Count the messages a batch had LINE accept, in the batch's own transaction."""
        per_channel = Counter()
        for message in messages:
            per_channel[message.channel_id] += message.recipients
        month = self._month()
        for channel, recipients in per_channel.items():
            self.env.cr.execute(
                SQL(
                    "INSERT INTO smart_kids_line_quota_usage (channel_id, month, recipients)"
                    " VALUES (%s, %s, %s)",
                    channel.id,
                    month,
                    recipients,
                )
            )
            self._ledger(channel, month)._alert_if_due()
        self.invalidate_model(["used"])

    @api.model
    def _ledger(self, channel, month):
        ledger = self.sudo().search([("channel_id", "=", channel.id), ("month", "=", month)])
        if ledger:
            return ledger
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        """
                        INSERT INTO smart_kids_line_quota
                               (channel_id, month, alerted_level, create_uid, create_date,
                                write_uid, write_date)
                        VALUES (%s, %s, 0, %s, now() at time zone 'UTC', %s,
                                now() at time zone 'UTC')
                        ON CONFLICT (channel_id, month) DO NOTHING RETURNING id
                        """,
                        channel.id,
                        month,
                        self.env.uid,
                        self.env.uid,
                    ),
                    log_exceptions=False,
                )
                row = self.env.cr.fetchone()
        except psycopg2.errors.SerializationFailure:
            row = None
        # None: another sender opened the month just now; the next batch checks the alerts
        return self.browse(row[0]) if row else self.browse()

    def _alert_if_due(self):
        for ledger in self:
            channel = ledger.channel_id
            quota = channel.sudo().monthly_quota
            if not quota:
                continue
            used = ledger.used
            level = max((lvl for lvl in ALERT_LEVELS if used * 100 >= lvl * quota), default=0)
            if level <= (ledger.alerted_level or 0):
                continue
            try:
                with self.env.cr.savepoint():
                    self.env.cr.execute(
                        SQL(
                            "UPDATE smart_kids_line_quota SET alerted_level = %s"
                            " WHERE id = %s AND alerted_level < %s",
                            level,
                            ledger.id,
                            level,
                        ),
                        log_exceptions=False,
                    )
                    raised = self.env.cr.rowcount
            except psycopg2.errors.SerializationFailure:
                continue  # another sender is alerting; the next batch checks again
            ledger.invalidate_recordset(["alerted_level"])
            if raised:
                channel._alert_admins(
                    self.env._("LINE quota at %(level)s %%", level=level),
                    self.env._(
                        "%(used)s of %(quota)s messages of the month are used on %(channel)s.",
                        used=used,
                        quota=quota,
                        channel=channel.name,
                    ),
                )
