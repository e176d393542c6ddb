from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

DIRECTIONS = [("to_centre", "Morning: home to centre"), ("to_home", "Afternoon: centre to home")]


class SmartKidsVanRoute(models.Model):
    """A van's regular run, morning or afternoon, and the children who ride it."""

    _name = "smart_kids.van.route"
    _description = "School Van Route"
    _inherit = ["smart_kids.scoped.mixin"]
    _order = "centre_id, planned_departure, name"

    name = fields.Char(required=True)
    vehicle_id = fields.Many2one(
        "smart_kids.vehicle", string="Van", required=True, ondelete="cascade", index=True
    )
    centre_id = fields.Many2one(related="vehicle_id.centre_id", store=True, index=True)
    direction = fields.Selection(DIRECTIONS, required=True, default="to_centre")
    planned_departure = fields.Float(required=True, default=7.0, help="Local time, e.g. 07:00.")
    planned_arrival = fields.Float(required=True, default=8.0, help="Local time, e.g. 08:00.")
    rider_ids = fields.Many2many(
        "smart_kids.child",
        "smart_kids_van_route_child_rel",
        "route_id",
        "child_id",
        string="Children Riding",
        domain="[('centre_id', '=', centre_id), ('state', '=', 'enrolled')]",
    )
    rider_count = fields.Integer(compute="_compute_rider_count", string="Riders")
    active = fields.Boolean(default=True)

    @api.depends("rider_ids")
    def _compute_rider_count(self):
        for route in self:
            route.rider_count = len(route.rider_ids)

    @api.constrains("planned_departure", "planned_arrival")
    def _check_times(self):
        for route in self:
            if not 0 <= route.planned_departure < route.planned_arrival < 24:
                raise ValidationError(
                    self.env._("%(route)s: the van must arrive after it leaves.", route=route.name)
                )

    @api.constrains("vehicle_id", "rider_ids")
    def _check_riders(self):
        self._check_centre_agrees("rider_ids")
        for route in self:
            capacity = route.vehicle_id.capacity
            if capacity and len(route.rider_ids) > capacity:
                raise ValidationError(
                    self.env._(
                        "%(route)s has %(riders)s children for %(seats)s seats.",
                        route=route.name,
                        riders=len(route.rider_ids),
                        seats=capacity,
                    )
                )
