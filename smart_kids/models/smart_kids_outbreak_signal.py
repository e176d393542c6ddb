from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL

from .smart_kids_attendance import FEVER_CELSIUS

# What the morning screens watch for, as a condition on an attendance row "a".
SIGNS = {
    "fever": SQL("(a.temperature >= %s OR a.symptom_fever)", FEVER_CELSIUS),
    "hfmd": SQL("(a.symptom_hand_foot_blisters OR a.symptom_mouth_ulcers)"),
}


class SmartKidsOutbreakSignal(models.Model):
    """Several children of one centre with the same sign within a few days: maybe an outbreak
    (fever; hand, foot and mouth disease). Raised from the morning screens by the centre's
    rule (``outbreak_children`` children within ``outbreak_days`` days) for the head and the
    LAO executives; officials see where on the list of signals of their area."""

    _name = "smart_kids.outbreak.signal"
    _description = "Outbreak Signal"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "sign"
    _scope_workflow_fields = ("centre_id", "date", "sign", "child_ids", "child_count")

    centre_id = fields.Many2one("smart_kids.centre", required=True, index=True, ondelete="cascade")
    lao_id = fields.Many2one(related="centre_id.lao_id", store=True, string="LAO")
    district_id = fields.Many2one(related="centre_id.district_id", store=True)
    date = fields.Date(required=True, index=True, help="The day the rule was met.")
    sign = fields.Selection(
        [("fever", "Fever"), ("hfmd", "Hand, foot and mouth signs")], required=True
    )
    child_ids = fields.Many2many("smart_kids.child", string="Children")
    child_count = fields.Integer(string="Number of Children")
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, tracking=True
    )
    note = fields.Text(help="What the centre and the health centre found and did.")

    @api.model
    def _check_centre(self, centre, day):
        """Raise a signal for each sign the centre's rule meets on ``day`` (once a window)."""
        if centre.outbreak_children <= 0:
            return self.browse()
        window_start = day - timedelta(days=max(centre.outbreak_days, 1) - 1)
        signals = self.browse()
        for sign, condition in SIGNS.items():
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    "SELECT array_agg(DISTINCT a.child_id) FROM smart_kids_attendance a"
                    " WHERE a.centre_id = %s AND a.date BETWEEN %s AND %s AND %s",
                    centre.id,
                    window_start,
                    day,
                    condition,
                )
            )
            child_ids = self.env.cr.fetchone()[0] or []
            if len(child_ids) < centre.outbreak_children:
                continue
            already = self.sudo().search_count(
                [
                    ("centre_id", "=", centre.id),
                    ("sign", "=", sign),
                    ("date", ">=", window_start),
                ]
            )
            if already:
                continue
            signals |= self.sudo().create(
                {
                    "centre_id": centre.id,
                    "date": day,
                    "sign": sign,
                    "child_ids": [fields.Command.set(child_ids)],
                    "child_count": len(child_ids),
                }
            )
        for signal in signals:
            labels = dict(signal._fields["sign"]._description_selection(self.env))
            summary = self.env._(
                "Possible outbreak at %(centre)s: %(sign)s in %(count)s children",
                centre=centre.name,
                sign=labels[signal.sign],
                count=signal.child_count,
            )
            note = self.env._(
                "%(children)s, within %(days)s days. Tell the health centre (รพ.สต.), check the "
                "other children and clean the rooms and toys.",
                children=", ".join(signal.child_ids.mapped("name")),
                days=centre.outbreak_days,
            )
            for user in centre._head_users() | centre._executive_users():
                signal.sudo().activity_schedule(
                    "mail.mail_activity_data_warning", summary=summary, note=note, user_id=user.id
                )
        if signals:
            self.env["smart_kids.hooks"]._emit("outbreak_signal", signals)
        return signals

    def action_close(self):
        self.check_access("write")
        self._scope_write_workflow({"state": "closed"})
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Closed by %(user)s", user=self.env.user.name)
        )
