from odoo import fields
from odoo import models


class SmartKidsVaccineDose(models.Model):
    """One dose of the national immunisation schedule, as data: due at an age, overdue after
    a grace period, and (for some vaccines) no longer given after an age."""

    _name = "smart_kids.vaccine.dose"
    _description = "Scheduled Vaccine Dose"
    _order = "due_months, vaccine_id, dose"
    _rec_name = "vaccine_id"

    vaccine_id = fields.Many2one("smart_kids.vaccine", required=True, ondelete="cascade")
    dose = fields.Integer(required=True, default=1)
    due_months = fields.Integer(string="Due at Age (months)", required=True)
    grace_months = fields.Integer(
        string="Grace (months)",
        default=1,
        help="The dose is overdue once the child is older than the due age plus this.",
    )
    catch_up_until_months = fields.Integer(
        string="Catch-up Until Age (months)",
        help="After this age a missed dose is no longer given (0: always caught up).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("vaccine_dose_unique", "unique(vaccine_id, dose)", "A dose is scheduled once."),
        (
            "ages_positive",
            "CHECK(due_months >= 0 AND grace_months >= 0 AND catch_up_until_months >= 0)",
            "Ages cannot be negative.",
        ),
    ]

    def _status(self, age_months, given_count):
        """This dose for a child of ``age_months`` with ``given_count`` doses of the vaccine
        recorded: given, not_yet, due, overdue or missed (too old to catch up)."""
        self.ensure_one()
        if given_count >= self.dose:
            return "given"
        if age_months < self.due_months:
            return "not_yet"
        if self.catch_up_until_months and age_months >= self.catch_up_until_months:
            return "missed"
        if age_months > self.due_months + self.grace_months:
            return "overdue"
        return "due"
