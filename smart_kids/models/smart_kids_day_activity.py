from odoo import api
from odoo import fields
from odoo import models

# The four developmental domains of Thailand's Early Childhood Curriculum B.E. 2560.
DOMAINS = [
    ("physical", "Physical"),
    ("emotional", "Emotional and Mental"),
    ("social", "Social"),
    ("intellectual", "Intellectual"),
]


class SmartKidsDayActivity(models.Model):
    """Something the children did today, with photos, for parents and for the record."""

    _name = "smart_kids.day.activity"
    _description = "Daily Activity"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True)
    centre_id = fields.Many2one(
        "smart_kids.centre",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env["smart_kids.child"]._default_centre_id(),
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    domain = fields.Selection(DOMAINS, string="Developmental Domain", required=True)
    description = fields.Text()
    photo_ids = fields.One2many("smart_kids.photo", "day_activity_id", string="Photos")
    child_ids = fields.Many2many(
        "smart_kids.child",
        string="Children Taking Part",
        compute="_compute_child_ids",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('centre_id', '=', centre_id)]",
    )

    @api.constrains("centre_id", "child_ids")
    def _check_children_of_centre(self):
        self._check_centre_agrees("child_ids", "photo_ids")

    @api.depends("centre_id", "date")
    def _compute_child_ids(self):
        for activity in self:
            activity.child_ids = (
                self.env["smart_kids.attendance"]
                .search([("centre_id", "=", activity.centre_id.id), ("date", "=", activity.date)])
                .child_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        self.env["smart_kids.event"]._emit("activity_recorded", activities)
        return activities
