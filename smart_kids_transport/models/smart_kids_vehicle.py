import base64
import hmac
import io

import qrcode

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from odoo.addons.smart_kids.models.secret_tokens import fill_missing_tokens
from odoo.addons.smart_kids.models.secret_tokens import new_token

# what the QR code fixed at the back of a vehicle carries, before its secret
REAR_PREFIX = "SKV1:"


class SmartKidsVehicle(models.Model):
    """A school van of a centre, with the QR code fixed at its rear: scanning it is how the
    attendant proves they walked to the back before ending a trip."""

    _name = "smart_kids.vehicle"
    _description = "School Van"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread"]
    _order = "centre_id, name"
    _scope_admin_fields = ("centre_id",)
    _scope_workflow_fields = ("rear_token",)

    name = fields.Char(required=True, tracking=True)
    centre_id = fields.Many2one(
        "smart_kids.centre",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env["smart_kids.child"]._default_centre_id(),
    )
    plate = fields.Char(string="Licence Plate", tracking=True)
    capacity = fields.Integer(string="Seats for Children")
    driver_name = fields.Char(tracking=True)
    driver_phone = fields.Char()
    attendant_user_ids = fields.Many2many(
        "res.users",
        string="Attendants",
        domain="[('share', '=', False)]",
        help="Teachers of the centre who ride the van, scan the children on and off and end "
        "the trip at the rear QR code. They get the late-van alert first.",
    )
    rear_token = fields.Char(copy=False, groups="smart_kids.smart_kids_group_centre_head")
    route_ids = fields.One2many("smart_kids.van.route", "vehicle_id", string="Routes")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity >= 0)", "Seats cannot be negative."),
        ("rear_token_unique", "unique(rear_token)", "Rear QR codes must be unique."),
    ]

    @api.constrains("centre_id", "attendant_user_ids")
    def _check_attendants_work_here(self):
        for vehicle in self.sudo():
            strangers = vehicle.attendant_user_ids - vehicle.centre_id._teacher_users()
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(users)s do not teach at %(centre)s: a van's attendants are its "
                        "teachers.",
                        users=", ".join(strangers.mapped("name")),
                        centre=vehicle.centre_id.name,
                    )
                )

    def _auto_init(self):
        res = super()._auto_init()
        fill_missing_tokens(self.env.cr, self._table, "rear_token", 18)
        return res

    @api.model_create_multi
    def create(self, vals_list):
        vehicles = super().create(vals_list)
        for vehicle in vehicles.sudo():
            vehicle.rear_token = new_token(18)
        return vehicles

    def _is_rear_code(self, payload):
        """Whether ``payload`` is the QR code at the back of this vehicle."""
        self.ensure_one()
        payload = (payload or "").strip()
        token = self.sudo().rear_token or ""
        return payload.startswith(REAR_PREFIX) and hmac.compare_digest(
            payload[len(REAR_PREFIX) :].encode(), token.encode()
        )

    def _rear_qr_png(self):
        self.ensure_one()
        image = qrcode.make(
            REAR_PREFIX + self.sudo().rear_token,
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            border=2,
        )
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue()).decode()

    def action_regenerate_rear_code(self):
        """A new rear code (the sticker was damaged or copied); print and fix the new one."""
        self.check_access("write")
        for vehicle in self:
            vehicle.sudo().rear_token = new_token(18)
            vehicle._message_log(body=self.env._("The rear QR code was regenerated."))
