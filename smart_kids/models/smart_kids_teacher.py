from odoo import api
from odoo import fields
from odoo import models


class SmartKidsTeacher(models.Model):
    """A caregiver or teacher of one or more centres, usually with an Odoo login."""

    _name = "smart_kids.teacher"
    _description = "Teacher"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin", "image.mixin"]
    # a teacher record's login is what gives that login its centres
    _scope_admin_fields = ("user_id",)
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="User",
        tracking=True,
        ondelete="set null",
        help="The Odoo login of this teacher; it gives the teacher access to the centres below.",
    )
    centre_ids = fields.Many2many(
        "smart_kids.centre",
        "smart_kids_centre_teacher_rel",
        "teacher_id",
        "centre_id",
        string="Centres",
        required=True,
    )
    position = fields.Selection(
        [("teacher", "Teacher"), ("caregiver", "Caregiver"), ("head", "Centre Head")],
        required=True,
        default="caregiver",
        tracking=True,
    )
    employment = fields.Selection(
        [
            ("civil_servant", "Local Government Official"),
            ("employee", "Local Government Employee"),
            ("contract", "Contract Staff"),
        ],
        string="Employment Type",
        tracking=True,
    )
    phone = fields.Char()
    email = fields.Char()
    start_date = fields.Date(string="Working Since")
    qualification_ids = fields.One2many(
        "smart_kids.teacher.qualification", "teacher_id", string="Qualifications"
    )
    work_ids = fields.One2many("smart_kids.teacher.work", "teacher_id", string="Portfolio")
    vaccination_ids = fields.One2many(
        "smart_kids.teacher.vaccination", "teacher_id", string="Vaccinations"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("user_unique", "unique(user_id)", "This user is already linked to another teacher."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        teachers = super().create(vals_list)
        if teachers.user_id:
            self.env.registry.clear_cache()  # the user's scope grew: rules are cached per user
        return teachers

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "centre_ids", "active"} & vals.keys():
            self.env.registry.clear_cache()
        return res

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        # user_id is the teacher's own login, not a person put in charge of the record: no
        # "assigned to you" mail (it also failed for an administrator without an email)
        return []

    @api.ondelete(at_uninstall=False)
    def _unlink_clear_scope_cache(self):
        if self.user_id:
            self.env.registry.clear_cache()
