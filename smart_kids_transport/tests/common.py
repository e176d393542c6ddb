from odoo import Command

from odoo.addons.smart_kids.tests.common import SmartKidsCommon
from odoo.addons.smart_kids_transport.controllers.van import VanTripService


def van(user, action, **params):
    """Run a van-mode action as ``user``, as their phone does (without the HTTP)."""
    return VanTripService(user.env(user=user)).run(action, params)


class TransportCommon(SmartKidsCommon):
    """Centre C1's van with its morning and afternoon routes: Phum and his sister Ploy ride
    it, Bee rides the other van, Mali rides but is often absent."""

    @classmethod
    def setUpTransport(cls):
        cls.setUpSmartKids()
        cls.setUpVans()

    @classmethod
    def setUpVans(cls):
        """The vans alone, for a test whose core records are already set up."""
        cls.sister = cls._child(cls.centre_1, "Ploy")
        cls.mali = cls._child(cls.centre_1, "Mali")
        cls.bee = cls._child(cls.centre_1, "Bee")
        cls.pickup = cls.env["smart_kids.child.pickup"].create(
            {"child_id": cls.child_1.id, "name": "Grandma Bua", "relationship": "grandmother"}
        )
        Vehicle = cls.env["smart_kids.vehicle"]
        cls.van_1 = Vehicle.create(
            {
                "name": "Van 1",
                "centre_id": cls.centre_1.id,
                "plate": "นข 1234",
                "capacity": 10,
                "driver_name": "Uncle Chai",
                "driver_phone": "0811111111",
                "attendant_user_ids": [Command.set(cls.user_teacher.ids)],
            }
        )
        cls.van_2 = Vehicle.create({"name": "Van 2", "centre_id": cls.centre_1.id})
        Route = cls.env["smart_kids.van.route"]
        riders = cls.child_1 | cls.sister | cls.mali
        cls.morning = Route.create(
            {
                "name": "Van 1 morning",
                "vehicle_id": cls.van_1.id,
                "direction": "to_centre",
                "planned_departure": 7.0,
                "planned_arrival": 8.0,
                "rider_ids": [Command.set(riders.ids)],
            }
        )
        cls.afternoon = Route.create(
            {
                "name": "Van 1 afternoon",
                "vehicle_id": cls.van_1.id,
                "direction": "to_home",
                "planned_departure": 15.0,
                "planned_arrival": 16.0,
                "rider_ids": [Command.set(riders.ids)],
            }
        )
        cls.other_morning = Route.create(
            {
                "name": "Van 2 morning",
                "vehicle_id": cls.van_2.id,
                "direction": "to_centre",
                "rider_ids": [Command.set(cls.bee.ids)],
            }
        )
        cls.rear_1 = "SKV1:" + cls.van_1.sudo().rear_token
        cls.rear_2 = "SKV1:" + cls.van_2.sudo().rear_token

    def _start(self, route=None, user=None):
        return van(user or self.user_teacher, "van_start", route_id=(route or self.morning).id)

    def _scan(self, trip, payload, user=None):
        return van(user or self.user_teacher, "van_scan", trip_id=trip["id"], payload=payload)

    def _rider_states(self, trip):
        return {r["id"]: r["state"] for r in trip["riders"]}
