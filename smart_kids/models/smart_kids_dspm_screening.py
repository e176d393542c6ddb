from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models

# The five domains of the DSPM manual, each a result field on the screening.
DSPM_DOMAINS = [
    ("result_gross_motor", "Gross motor (GM)"),
    ("result_fine_motor", "Fine motor (FM)"),
    ("result_receptive_language", "Receptive language (RL)"),
    ("result_expressive_language", "Expressive language (EL)"),
    ("result_personal_social", "Personal and social (PS)"),
]
RESULTS = [("pass", "Pass"), ("delay", "Suspected delay"), ("referred", "Referred")]
# DSPM: a suspected delay is stimulated at home and screened again after a month
FOLLOW_UP_DAYS = 30


class SmartKidsDspmScreening(models.Model):
    """A developmental screening of a child with the DSPM manual (Department of Health):
    a result per domain, and a follow-up date when a delay is suspected."""

    _name = "smart_kids.dspm.screening"
    _description = "Development Screening (DSPM)"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _rec_name = "child_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one(related="child_id.centre_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    screening_age_id = fields.Many2one(
        "smart_kids.dspm.age",
        string="Screening Age",
        compute="_compute_screening_age",
        store=True,
        readonly=False,
        precompute=True,
    )
    result_gross_motor = fields.Selection(RESULTS, string="Gross motor (GM)", default="pass")
    result_fine_motor = fields.Selection(RESULTS, string="Fine motor (FM)", default="pass")
    result_receptive_language = fields.Selection(
        RESULTS, string="Receptive language (RL)", default="pass"
    )
    result_expressive_language = fields.Selection(
        RESULTS, string="Expressive language (EL)", default="pass"
    )
    result_personal_social = fields.Selection(
        RESULTS, string="Personal and social (PS)", default="pass"
    )
    outcome = fields.Selection(RESULTS, compute="_compute_outcome", store=True, index=True)
    follow_up_date = fields.Date(compute="_compute_outcome", store=True)
    notes = fields.Text()

    @api.depends("child_id.birth_date", "date")
    def _compute_screening_age(self):
        ages = self.env["smart_kids.dspm.age"].search([])
        for screening in self:
            age = screening.child_id._age_months_on(screening.date) if screening.date else 0
            screening.screening_age_id = ages.filtered(
                lambda a, m=age: a.age_months <= m < a.age_months + a.window_months
            )[:1]

    @api.depends(lambda self: ["date", *[name for name, _label in DSPM_DOMAINS]])
    def _compute_outcome(self):
        for screening in self:
            results = {screening[name] for name, _label in DSPM_DOMAINS}
            screening.outcome = (
                "referred" if "referred" in results else "delay" if "delay" in results else "pass"
            )
            screening.follow_up_date = (
                screening.date + timedelta(days=FOLLOW_UP_DAYS)
                if screening.outcome == "delay" and screening.date
                else False
            )
