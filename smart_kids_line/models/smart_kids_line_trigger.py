from odoo import fields
from odoo import models

from .smart_kids_line_message import INFORMATION
from .smart_kids_line_message import SAFETY


class SmartKidsLineTrigger(models.Model):
    """What gets sent on LINE for each event of the day; administrators switch them on or off."""

    _name = "smart_kids.line.trigger"
    _description = "LINE Notification Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    event = fields.Selection(
        [
            ("check_in", "Child checked in"),
            ("check_out", "Child went home"),
            ("health_abnormal", "Health screen found something"),
            ("unaccounted_opened", "Child unaccounted for at the deadline"),
            ("lunch_recorded", "Lunch of the day"),
            ("activity_recorded", "Activity of the day"),
            ("vaccination_overdue", "Vaccination overdue (monthly)"),
        ],
        required=True,
    )
    audience = fields.Selection(
        [
            ("guardians", "The child's linked guardians"),
            ("centre_group", "The centre's LINE group"),
            ("centre_guardians", "All linked guardians of the centre (one multicast)"),
            ("teachers", "The centre's teachers linked to LINE"),
        ],
        required=True,
        default="guardians",
    )
    priority = fields.Selection(
        [(SAFETY, "Safety"), (INFORMATION, "Information")], default=INFORMATION, required=True
    )
    merge_delay = fields.Integer(
        string="Wait (seconds)",
        default=0,
        help="Hold messages this long so siblings scanned together share one message.",
    )

    def _active_for(self, event):
        return self.sudo().search([("event", "=", event)])
