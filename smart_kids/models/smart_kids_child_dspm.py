from odoo import api
from odoo import fields
from odoo import models


class SmartKidsChild(models.Model):
    """Which DSPM screening a child is due for, for the centre's worklist."""

    _inherit = "smart_kids.child"

    dspm_screening_ids = fields.One2many(
        "smart_kids.dspm.screening", "child_id", string="Development Screenings"
    )
    dspm_due_age_id = fields.Many2one(
        "smart_kids.dspm.age",
        string="Screening Due",
        compute="_compute_dspm_due",
        search="_search_dspm_due",
    )

    def _dspm_due_on(self, day):
        """The screening age whose window ``day`` falls in, unless already screened in it."""
        self.ensure_one()
        age = self._age_months_on(day)
        for screening_age in self.env["smart_kids.dspm.age"].search([]):
            if (
                screening_age.age_months
                <= age
                < screening_age.age_months + screening_age.window_months
            ):
                done = self.dspm_screening_ids.filtered(
                    lambda s, a=screening_age: s.screening_age_id == a
                )
                return self.env["smart_kids.dspm.age"] if done else screening_age
        return self.env["smart_kids.dspm.age"]

    @api.depends("birth_date", "dspm_screening_ids.screening_age_id")
    @api.depends_context("tz")
    def _compute_dspm_due(self):
        today = fields.Date.context_today(self)
        for child in self:
            child.dspm_due_age_id = child._dspm_due_on(today)

    def _search_dspm_due(self, operator, value):
        if operator not in ("!=", "=") or value is not False:
            return [("id", "=", False)]
        enrolled = self.search([("state", "=", "enrolled")])
        due = enrolled.filtered("dspm_due_age_id")
        return [("id", "in" if operator == "!=" else "not in", due.ids)]
