from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from .smart_kids_freshness_reminder import TIMES_PARAM
from .smart_kids_freshness_reminder import checked_times


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    smart_kids_min_checkin_rate = fields.Integer(
        string="Children checked in (%)",
        config_parameter="smart_kids_reports.freshness_min_checkin_rate",
        default=80,
    )
    smart_kids_min_health_rate = fields.Integer(
        string="Health screens of those checked in (%)",
        config_parameter="smart_kids_reports.freshness_min_health_rate",
        default=80,
    )
    smart_kids_require_lunch = fields.Boolean(
        string="Lunch recorded", config_parameter="smart_kids_reports.freshness_require_lunch"
    )
    smart_kids_require_lunch_photo = fields.Boolean(
        string="Lunch photographed",
        config_parameter="smart_kids_reports.freshness_require_lunch_photo",
    )
    smart_kids_require_activity = fields.Boolean(
        string="At least one activity",
        config_parameter="smart_kids_reports.freshness_require_activity",
    )
    smart_kids_reminder_times = fields.Char(
        string="Reminder times",
        config_parameter=TIMES_PARAM,
        help="Local times at which teachers are reminded when today's data is missing, "
        "e.g. 10:30, 14:00.",
    )
    smart_kids_current_min_rate = fields.Integer(
        string="Days current for 'current' (%)",
        config_parameter="smart_kids_reports.current_min_rate",
        default=80,
    )
    smart_kids_star_2_min = fields.Integer(
        string="2 stars from (%)", config_parameter="smart_kids_reports.star_2_min", default=50
    )
    smart_kids_star_3_min = fields.Integer(
        string="3 stars from (%)", config_parameter="smart_kids_reports.star_3_min", default=65
    )
    smart_kids_star_4_min = fields.Integer(
        string="4 stars from (%)", config_parameter="smart_kids_reports.star_4_min", default=80
    )
    smart_kids_star_5_min = fields.Integer(
        string="5 stars from (%)", config_parameter="smart_kids_reports.star_5_min", default=90
    )

    @api.constrains(
        "smart_kids_min_checkin_rate",
        "smart_kids_min_health_rate",
        "smart_kids_current_min_rate",
        "smart_kids_reminder_times",
        "smart_kids_star_2_min",
        "smart_kids_star_3_min",
        "smart_kids_star_4_min",
        "smart_kids_star_5_min",
    )
    def _check_smart_kids_settings(self):
        for settings in self:
            rates = (
                settings.smart_kids_min_checkin_rate,
                settings.smart_kids_min_health_rate,
                settings.smart_kids_current_min_rate,
            )
            if any(not 0 <= rate <= 100 for rate in rates):
                raise ValidationError(self.env._("Percentages must be between 0 and 100."))
            stars = (
                settings.smart_kids_star_2_min,
                settings.smart_kids_star_3_min,
                settings.smart_kids_star_4_min,
                settings.smart_kids_star_5_min,
            )
            if list(stars) != sorted(stars) or any(not 0 <= s <= 100 for s in stars):
                raise ValidationError(
                    self.env._("Star thresholds must rise from 2 to 5 stars, within 0-100 %.")
                )
            checked_times(self.env, settings.smart_kids_reminder_times)
