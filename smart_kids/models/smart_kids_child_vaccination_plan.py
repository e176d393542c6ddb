from collections import Counter

from odoo import api
from odoo import fields
from odoo import models

VACCINATION_STATES = [
    ("up_to_date", "Up to date"),
    ("due", "Dose due"),
    ("overdue", "Dose overdue"),
]


class SmartKidsChild(models.Model):
    """Where each child stands against the national schedule (``smart_kids.vaccine.dose``):
    the centre's worklist, the monthly reminder and the evaluation read it from here."""

    _inherit = "smart_kids.child"

    vaccination_state = fields.Selection(
        VACCINATION_STATES,
        string="Vaccination Status",
        compute="_compute_vaccination_plan",
        search="_search_vaccination_state",
    )
    vaccination_todo = fields.Char(string="Doses to Give", compute="_compute_vaccination_plan")

    def _vaccination_plan(self, day):
        """``{child: [(scheduled dose, status)]}`` on ``day`` (see ``_status`` of the dose)."""
        doses = self.env["smart_kids.vaccine.dose"].sudo().search([])
        # counted in SQL: a province's worklist reads thousands of children
        given = Counter(
            {
                (child.id, vaccine.id): count
                for child, vaccine, count in self.env["smart_kids.child.vaccination"]
                .sudo()
                ._read_group(
                    [("child_id", "in", self.ids)], ["child_id", "vaccine_id"], ["__count"]
                )
            }
        )
        return {
            child: [
                (dose, dose._status(child._age_months_on(day), given[child.id, dose.vaccine_id.id]))
                for dose in doses
            ]
            for child in self
        }

    @api.model
    def _vaccination_state_of(self, statuses):
        if "overdue" in statuses:
            return "overdue"
        return "due" if "due" in statuses else "up_to_date"

    @api.depends("birth_date", "vaccination_ids.vaccine_id", "vaccination_ids.dose")
    @api.depends_context("tz")
    def _compute_vaccination_plan(self):
        plan = self._vaccination_plan(fields.Date.context_today(self))
        for child in self:
            todo = [(dose, status) for dose, status in plan[child] if status in ("due", "overdue")]
            child.vaccination_state = self._vaccination_state_of([s for _d, s in todo])
            child.vaccination_todo = ", ".join(
                self.env._(
                    "%(vaccine)s dose %(dose)s%(late)s",
                    vaccine=dose.vaccine_id.name,
                    dose=dose.dose,
                    late=self.env._(" (overdue)") if status == "overdue" else "",
                )
                for dose, status in todo
            )

    def _search_vaccination_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            return [("id", "=", False)]
        values = {value} if isinstance(value, str) else set(value or ())
        enrolled = self.search([("state", "=", "enrolled")])
        matching = enrolled.filtered(lambda child: child.vaccination_state in values)
        positive = operator in ("=", "in")
        return [("id", "in" if positive else "not in", matching.ids)]

    # ------------------------------------------------------------------
    # The monthly reminder
    # ------------------------------------------------------------------
    @api.model
    def _cron_vaccination_reminders(self):
        """Once a month: each centre head gets the list of children with an overdue dose,
        and other modules (LINE) tell their guardians."""
        overdue = self.sudo().search([("vaccination_state", "=", "overdue")])
        for centre in overdue.centre_id:
            children = overdue.filtered(lambda child, c=centre: child.centre_id == c)
            for user in centre._head_users():
                centre.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "%(count)s children with an overdue vaccination", count=len(children)
                    ),
                    note=", ".join(
                        f"{child.name}: {child.vaccination_todo}"
                        for child in children.sorted("name")
                    ),
                    user_id=user.id,
                )
        self.env["smart_kids.hooks"]._emit("vaccination_overdue", overdue)
