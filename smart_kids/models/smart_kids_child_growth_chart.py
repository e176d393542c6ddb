from odoo import api
from odoo import fields
from odoo import models

from .growth_chart import growth_chart_svg


class SmartKidsChild(models.Model):
    """The child's growth charts: WHO bands and the child's measurements (form and PDF)."""

    _inherit = "smart_kids.child"

    growth_chart_weight = fields.Html(
        string="Weight Chart", compute="_compute_growth_charts", sanitize=False
    )
    growth_chart_height = fields.Html(
        string="Height Chart", compute="_compute_growth_charts", sanitize=False
    )
    growth_chart_weight_for_height = fields.Html(
        string="Weight-for-Height Chart", compute="_compute_growth_charts", sanitize=False
    )

    @api.depends("sex", "growth_ids.weight", "growth_ids.height", "growth_ids.age_months")
    @api.depends_context("lang")
    def _compute_growth_charts(self):
        for child in self:
            measurements = child.growth_ids
            if not (child.sex and measurements):
                child.growth_chart_weight = child.growth_chart_height = False
                child.growth_chart_weight_for_height = False
                continue
            child.growth_chart_weight = growth_chart_svg(
                "wfa",
                child.sex,
                [(m.age_months, m.weight) for m in measurements],
                self.env._("Weight for age (kg), age in years"),
            )
            child.growth_chart_height = growth_chart_svg(
                "lhfa",
                child.sex,
                [(m.age_months, m.height) for m in measurements],
                self.env._("Height for age (cm), age in years"),
            )
            child.growth_chart_weight_for_height = growth_chart_svg(
                "wfh",
                child.sex,
                [(m.height, m.weight) for m in measurements],
                self.env._("Weight for height (kg), height in cm"),
            )
