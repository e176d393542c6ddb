from odoo import api
from odoo import fields
from odoo import models

# The four developmental domains of Thailand's Early Childhood Curriculum B.E. 2560.
DEVELOPMENT_DOMAINS = [
    ("physical", "Physical"),
    ("emotional", "Emotional and Mental"),
    ("social", "Social"),
    ("intellectual", "Intellectual"),
]


class SmartKidsDayActivity(models.Model):
    """Something the children did today, with photos, for parents and for the record."""

    _name = "smart_kids.day.activity"
    _description = "Daily Activity"
    _inherit = ["smart_kids.centre.day.record"]
    _order = "date desc, id desc"
    _day_record_hook = "activity_recorded"

    name = fields.Char(string="Title", required=True)
    development_domain = fields.Selection(
        DEVELOPMENT_DOMAINS, string="Developmental Domain", required=True
    )
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
