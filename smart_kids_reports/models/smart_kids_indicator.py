"""The indicators a centre is evaluated on (20 installed; administrators may add more)."""

from odoo import fields
from odoo import models

MEASURES = [
    ("registry", "Children's registry complete"),
    ("qr_cards", "QR cards issued"),
    ("daily_checkin", "Daily check-in recorded"),
    ("attendance_rate", "Attendance rate"),
    ("health_screen", "Health screen at arrival"),
    ("lunch_recorded", "Lunch recorded"),
    ("lunch_photo", "Lunch photographed"),
    ("activities", "Activities recorded"),
    ("guardians_linked", "Guardians linked to LINE"),
    ("teacher_records", "Teacher records"),
    ("growth", "Growth measured"),
    ("vaccination", "Vaccinations up to date"),
    ("data_freshness", "Data freshness"),
    ("satisfaction", "Parent satisfaction"),
]
SCORES = [
    ("0", "0 - Not met"),
    ("1", "1 - Must improve"),
    ("2", "2 - Fair"),
    ("3", "3 - Good"),
    ("4", "4 - Very good"),
    ("5", "5 - Excellent"),
]
MAX_SCORE = 5
# share of the measured data (0-1) needed for each score, best first
SCORE_STEPS = ((0.95, 5), (0.85, 4), (0.70, 3), (0.50, 2), (0.0001, 1))


def score_of_ratio(ratio):
    """Score 0-5 for a measured share; None when the data cannot tell."""
    if ratio is None:
        return None
    for minimum, score in SCORE_STEPS:
        if ratio >= minimum:
            return str(score)
    return "0"


class SmartKidsIndicator(models.Model):
    _name = "smart_kids.indicator"
    _description = "Evaluation Indicator"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True, help="What evaluators look for.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    method = fields.Selection(
        [("auto", "Scored from the data"), ("evaluator", "Scored by the evaluator")],
        required=True,
        default="evaluator",
    )
    measure = fields.Selection(
        MEASURES,
        help="For indicators scored from the data: what is measured over the round's period. "
        "A share of 95 % or more scores 5, 85 % 4, 70 % 3, 50 % 2, anything 1.",
    )
    evidence_required = fields.Boolean(
        help="The centre head must attach evidence (photos, documents) to self-assess."
    )

    _sql_constraints = [("code_unique", "unique(code)", "Indicator codes must be unique.")]
