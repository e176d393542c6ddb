from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

# Which level may sit directly under which: the tree is province > district > LAO > centre.
# A provincial administrative organisation (อบจ.) is an LAO directly under its province.
PARENT_TYPES = {
    "province": (),
    "district": ("province",),
    "lao": ("district", "province"),
    "centre": ("lao",),
}

LAO_TYPES = [
    ("city", "City Municipality"),
    ("town", "Town Municipality"),
    ("subdistrict", "Subdistrict Municipality"),
    ("sao", "Subdistrict Administrative Organisation"),
    ("pao", "Provincial Administrative Organisation"),
]


class SmartKidsArea(models.Model):
    """A node of the administrative tree that scopes every record.

    Users are given nodes; record rules grant what lies at or below them
    (``child_of`` on the ``_parent_store`` path), so one rule serves every level.
    """

    _name = "smart_kids.area"
    _description = "Administrative Area"
    _inherit = ["smart_kids.scoped.mixin"]
    # where a node hangs in the tree decides who sees it
    _scope_admin_fields = ("parent_id", "area_type", "state_id")
    _parent_store = True
    _order = "area_type, name"

    name = fields.Char(required=True)
    code = fields.Char(help="Official code, e.g. the DOPA district code 3904.")
    area_type = fields.Selection(
        [
            ("province", "Province"),
            ("district", "District"),
            ("lao", "Local Administrative Organisation"),
            ("centre", "Child Development Centre"),
        ],
        string="Level",
        required=True,
    )
    lao_type = fields.Selection(LAO_TYPES, string="LAO Type")
    parent_id = fields.Many2one("smart_kids.area", string="Parent", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("smart_kids.area", "parent_id", string="Sub-areas")
    state_id = fields.Many2one(
        "res.country.state",
        string="Thai Province",
        domain="[('country_id.code', '=', 'TH')]",
        help="For a province: the matching province of Odoo's address data.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_type_unique",
            "unique(code, area_type)",
            "This code is already used by another area of the same level.",
        ),
    ]

    @api.depends("name", "area_type")
    @api.depends_context("smart_kids_area_level")
    def _compute_display_name(self):
        """With ``smart_kids_area_level`` in the context (pickers where provinces, districts
        and LAOs mix, e.g. an evaluation round's area), the level follows the name: a province
        and its capital district often share it."""
        if not self.env.context.get("smart_kids_area_level"):
            return super()._compute_display_name()
        for area in self:
            level = self._level_label(area.area_type) if area.area_type else ""
            area.display_name = f"{area.name} ({level})" if level else area.name

    def _level_label(self, area_type):
        return dict(self._fields["area_type"]._description_selection(self.env))[area_type]

    @api.constrains("parent_id", "area_type")
    def _check_parent_level(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An area cannot be its own ancestor."))
        for area in self:
            allowed = PARENT_TYPES[area.area_type]
            if not allowed and area.parent_id:
                raise ValidationError(self.env._("A province cannot have a parent area."))
            if allowed and area.parent_id.area_type not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(area)s: a %(level)s must be placed under a %(parents)s.",
                        area=area.name,
                        level=self._level_label(area.area_type),
                        parents=" / ".join(self._level_label(p) for p in allowed),
                    )
                )
