from markupsafe import Markup
from markupsafe import escape

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from .smart_kids_dish import NUTRIENTS
from .thai_dri import daily_reference


class SmartKidsLunch(models.Model):
    """The lunch a centre served on a day: dishes, photos, how many ate and the cost."""

    _name = "smart_kids.lunch"
    _description = "Lunch"
    _inherit = ["smart_kids.centre.day.record"]
    _order = "date desc, centre_id"
    _rec_name = "date"
    _day_record_hook = "lunch_recorded"

    dish_ids = fields.Many2many("smart_kids.dish", string="Dishes")
    photo_ids = fields.One2many("smart_kids.photo", "lunch_id", string="Photos")
    present_count = fields.Integer(compute="_compute_present_count", string="Children Present")
    served_count = fields.Integer(
        compute="_compute_served_count",
        store=True,
        readonly=False,
        precompute=True,
        string="Servings",
        help="Children who ate; the children checked in that day unless changed.",
    )
    cost_per_head = fields.Float(string="Cost per Child (THB)", digits=(6, 2))
    note = fields.Text()
    nutrition_summary = fields.Html(compute="_compute_nutrition", sanitize=False)
    allergy_warning = fields.Text(compute="_compute_allergy_warning")

    _sql_constraints = [
        (
            "centre_date_unique",
            "unique(centre_id, date)",
            "The centre already has a lunch that day.",
        ),
    ]

    def _present_children(self):
        self.ensure_one()
        return (
            self.env["smart_kids.attendance"]
            .search([("centre_id", "=", self.centre_id._origin.id), ("date", "=", self.date)])
            .child_id
        )

    @api.depends("centre_id", "date")
    def _compute_present_count(self):
        for lunch in self:
            lunch.present_count = len(lunch._present_children()) if lunch.centre_id else 0

    @api.depends("centre_id", "date")
    def _compute_served_count(self):
        for lunch in self:
            lunch.served_count = len(lunch._present_children()) if lunch.centre_id else 0

    def _lunch_targets(self):
        """Share of the daily reference, averaged over the children present (or enrolled)."""
        self.ensure_one()
        children = self._present_children() or self.centre_id._expected_children(self.date)
        if not children:
            return {}
        share = self.centre_id.lunch_dri_share / 100
        # the children's ages on the lunch's day: a lunch of last year is judged for 3-year-olds
        references = [
            daily_reference(child._age_months_on(self.date), child.sex) for child in children
        ]
        return {
            key: share * sum(ref[key] for ref in references) / len(references)
            for key, _label in NUTRIENTS
        }

    @api.depends("dish_ids", "centre_id", "date")
    def _compute_nutrition(self):
        for lunch in self:
            targets = lunch._lunch_targets() if lunch.centre_id and lunch.date else {}
            rows = []
            for key, _label in NUTRIENTS:
                total = sum(lunch.dish_ids.mapped(key))
                target = targets.get(key)
                percent = f"{100 * total / target:.0f} %" if target else "-"
                low = target and total < 0.8 * target
                label = self.env["smart_kids.dish"]._fields[key]._description_string(self.env)
                rows.append(
                    Markup(
                        "<tr%s><td>%s</td><td class='text-end'>%s</td>"
                        "<td class='text-end'>%s</td><td class='text-end'>%s</td></tr>"
                    )
                    % (
                        Markup(" class='text-danger'") if low else "",
                        escape(label),
                        f"{total:.1f}",
                        f"{target:.1f}" if target else "-",
                        percent,
                    )
                )
            header = Markup(
                "<tr><th></th><th class='text-end'>%s</th>"
                "<th class='text-end'>%s</th><th></th></tr>"
            ) % (
                self.env._("This lunch"),
                self.env._("Target"),
            )
            lunch.nutrition_summary = Markup("<table class='table table-sm'>%s%s</table>") % (
                header,
                Markup("").join(rows),
            )

    @api.depends("dish_ids.allergen_ids", "centre_id", "date")
    def _compute_allergy_warning(self):
        for lunch in self:
            lines = []
            if lunch.centre_id and lunch.date:
                # _origin: in the form, dishes are not-yet-saved copies of the real ones
                dishes = lunch.dish_ids._origin
                for child in lunch._present_children():
                    clash = child.food_allergen_ids & dishes.allergen_ids
                    if clash:
                        culprits = dishes.filtered(lambda d, c=clash: d.allergen_ids & c)
                        lines.append(
                            self.env._(
                                "%(child)s is allergic to %(allergens)s (in %(dishes)s)",
                                child=child.display_name,
                                allergens=", ".join(clash.mapped("name")),
                                dishes=", ".join(culprits.mapped("name")),
                            )
                        )
            lunch.allergy_warning = "\n".join(lines) or False

    @api.constrains("served_count", "cost_per_head")
    def _check_counts(self):
        for lunch in self:
            if lunch.served_count < 0 or lunch.cost_per_head < 0:
                raise ValidationError(self.env._("Servings and cost cannot be negative."))
