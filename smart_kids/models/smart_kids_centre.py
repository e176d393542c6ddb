from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SmartKidsCentre(models.Model):
    """A child development centre (ศูนย์พัฒนาเด็กเล็ก), the leaf of the area tree.

    It extends its ``smart_kids.area`` node by delegation so that scope rules written
    against areas cover centres without a special case.
    """

    _name = "smart_kids.centre"
    _description = "Child Development Centre"
    _inherits = {"smart_kids.area": "area_id"}
    _inherit = ["mail.thread", "mail.activity.mixin", "image.mixin"]
    _order = "name"

    area_id = fields.Many2one(
        "smart_kids.area", required=True, ondelete="cascade", index=True, auto_join=True
    )
    lao_id = fields.Many2one(
        "smart_kids.area",
        string="Local Administrative Organisation",
        related="area_id.parent_id",
        readonly=False,
        required=True,
        domain="[('area_type', '=', 'lao')]",
        tracking=True,
    )
    district_id = fields.Many2one(
        "smart_kids.area", compute="_compute_district_province", store=True, string="District"
    )
    province_id = fields.Many2one(
        "smart_kids.area", compute="_compute_district_province", store=True, string="Province"
    )
    street = fields.Char()
    village = fields.Char(string="Village (Moo)")
    subdistrict = fields.Char(string="Subdistrict (Tambon)")
    zip = fields.Char(string="Postal Code")
    phone = fields.Char()
    email = fields.Char()
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    map_url = fields.Char(compute="_compute_map_url", string="Map")
    capacity = fields.Integer(help="Number of children the centre is licensed to care for.")
    opening_time = fields.Float(default=7.5, help="Local time, e.g. 07:30.")
    closing_time = fields.Float(default=15.5)
    checkin_deadline = fields.Float(
        default=8.5,
        string="Check-in Deadline",
        help="Children expected today and neither scanned nor marked absent by this time "
        "are treated as unaccounted for.",
    )
    head_user_id = fields.Many2one("res.users", string="Centre Head", tracking=True)
    classroom_ids = fields.One2many("smart_kids.classroom", "centre_id", string="Classrooms")
    child_ids = fields.One2many("smart_kids.child", "centre_id", string="Children")
    teacher_ids = fields.Many2many(
        "smart_kids.teacher",
        "smart_kids_centre_teacher_rel",
        "centre_id",
        "teacher_id",
        string="Teachers",
    )
    enrolled_count = fields.Integer(compute="_compute_enrolled_count", string="Enrolled")

    @api.depends("lao_id", "lao_id.parent_id", "lao_id.parent_id.parent_id")
    def _compute_district_province(self):
        for centre in self:
            node = centre.lao_id
            district = province = self.env["smart_kids.area"]
            while node:
                if node.area_type == "district":
                    district = node
                elif node.area_type == "province":
                    province = node
                node = node.parent_id
            centre.district_id = district
            centre.province_id = province

    @api.depends("latitude", "longitude")
    def _compute_map_url(self):
        for centre in self:
            centre.map_url = _map_url(centre.latitude, centre.longitude)

    def _compute_enrolled_count(self):
        counts = dict(
            self.env["smart_kids.child"]._read_group(
                [("centre_id", "in", self.ids), ("state", "=", "enrolled")],
                ["centre_id"],
                ["__count"],
            )
        )
        for centre in self:
            centre.enrolled_count = counts.get(centre, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the delegated area is created first: give it its level and parent at once
            vals["area_type"] = "centre"
            if vals.get("lao_id"):
                vals.setdefault("parent_id", vals["lao_id"])
        return super().create(vals_list)

    @api.constrains("opening_time", "closing_time", "checkin_deadline")
    def _check_times(self):
        for centre in self:
            if not 0 <= centre.opening_time < centre.closing_time <= 24:
                raise ValidationError(
                    self.env._(
                        "%(centre)s: opening time must be before closing time.", centre=centre.name
                    )
                )
            if not centre.opening_time <= centre.checkin_deadline <= centre.closing_time:
                raise ValidationError(
                    self.env._(
                        "%(centre)s: the check-in deadline must fall within opening hours.",
                        centre=centre.name,
                    )
                )

    @api.constrains("latitude", "longitude")
    def _check_location(self):
        for centre in self:
            _check_lat_long(self.env, centre.latitude, centre.longitude)

    def action_view_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("smart_kids.smart_kids_child_action")
        action["domain"] = [("centre_id", "=", self.id)]
        action["context"] = {"default_centre_id": self.id}
        return action


def _map_url(latitude, longitude):
    """Link to a map pin, or False when no location was recorded."""
    if not (latitude or longitude):
        return False
    return f"https://www.google.com/maps/search/?api=1&query={latitude:.7f},{longitude:.7f}"


def _check_lat_long(env, latitude, longitude):
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError(
            env._("Latitude must be between -90 and 90 and longitude between -180 and 180.")
        )
