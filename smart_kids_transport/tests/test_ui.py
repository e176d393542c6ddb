from datetime import timedelta

from odoo import Command
from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestVanUi(HttpCase):
    # A phone: the web client switches to its mobile layout below 768 px.
    browser_size = "390x844"
    touch_enabled = True

    def test_morning_van_trip_on_a_phone(self):
        """From the login page: the attendant's phone opens on the check-in screen, runs the
        whole morning trip, cannot end it with a child on board, and ends it at the rear."""
        Area = self.env["smart_kids.area"]
        province = Area.create({"name": "Tour Province", "area_type": "province"})
        lao = Area.create({"name": "Tour LAO", "area_type": "lao", "parent_id": province.id})
        centre = self.env["smart_kids.centre"].create({"name": "Tour Centre", "lao_id": lao.id})
        user = self.env["res.users"].create(
            {
                "name": "Tour Attendant",
                "login": "tour_van",
                "password": "tour_van",
                "tz": "Asia/Bangkok",
                "groups_id": [Command.set([self.ref("smart_kids.smart_kids_group_teacher")])],
                # a teacher's phone opens where the morning starts
                "action_id": self.ref("smart_kids.smart_kids_checkin_action"),
            }
        )
        self.env["smart_kids.teacher"].create(
            {"name": "Tour Attendant", "user_id": user.id, "centre_ids": [Command.set(centre.ids)]}
        )
        birth = fields.Date.today() - timedelta(days=3 * 365)
        children = self.env["smart_kids.child"].create(
            [
                {
                    "title": "boy",
                    "first_name": first,
                    "last_name": "Tour",
                    "birth_date": birth,
                    "centre_id": centre.id,
                    "qr_token": f"tour-van-{first.lower()}-0001",
                }
                for first in ("Phum", "Ploy", "Mali")
            ]
        )
        vehicle = self.env["smart_kids.vehicle"].create(
            {"name": "Van 1", "centre_id": centre.id, "attendant_user_ids": [Command.set(user.ids)]}
        )
        vehicle.sudo().rear_token = "tour-rear-0001"
        # the route's times are today's whatever the hour: the trip may start now
        self.env["smart_kids.van.route"].create(
            {
                "name": "Van 1 morning",
                "vehicle_id": vehicle.id,
                "direction": "to_centre",
                "planned_departure": 0.0,
                "planned_arrival": 23.5,
                "rider_ids": [Command.set(children.ids)],
            }
        )
        self.start_tour("/web/login", "smart_kids_van_trip")
        trip = self.env["smart_kids.van.trip"].search([("vehicle_id", "=", vehicle.id)])
        self.assertEqual(trip.state, "ended")
        self.assertEqual(trip.ended_by_id, user)
        phum, ploy, mali = children
        states = {r.child_id: r.state for r in trip.rider_ids}
        self.assertEqual(states, {phum: "off", ploy: "off", mali: "not_boarded"})
        attendances = self.env["smart_kids.attendance"].search([("centre_id", "=", centre.id)])
        self.assertEqual(attendances.child_id, phum | ploy)
        self.assertEqual(set(attendances.mapped("arrival_mode")), {"van"})
        self.assertTrue(self.env["smart_kids.absence"].search([("child_id", "=", mali.id)]))
