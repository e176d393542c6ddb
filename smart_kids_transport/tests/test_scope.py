"""Vans, routes and trips hold the core's scope, and a trip moves only by its scans: nobody
ends a trip over JSON-RPC, re-points it at another centre, or reads another centre's vans."""

import logging

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.smart_kids.tests.common import JsonRpcAccess
from odoo.addons.smart_kids.tests.common import at
from odoo.addons.smart_kids.tests.common import recent_monday
from odoo.addons.smart_kids.tests.scope_attack import ScopeAttack

from .common import TransportCommon
from .common import van

_logger = logging.getLogger(__name__)
DAY = recent_monday()


@tagged("post_install", "-at_install")
class TestTransportScope(HttpCase, TransportCommon, JsonRpcAccess, ScopeAttack):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpTransport()
        cls.van_far = cls.env["smart_kids.vehicle"].create(
            {"name": "Far Van", "centre_id": cls.centre_4.id}
        )
        cls.route_far = cls.env["smart_kids.van.route"].create(
            {
                "name": "Far morning",
                "vehicle_id": cls.van_far.id,
                "rider_ids": [Command.set(cls.child_4.ids)],
            }
        )
        Trip = cls.env["smart_kids.van.trip"]
        with freeze_time(at(DAY, 6, 50)):
            cls.trip = Trip.browse(Trip.sudo()._start(cls.morning).id)
            cls.trip_far = Trip.browse(Trip.sudo()._start(cls.route_far).id)
        cls.own = {
            "smart_kids.vehicle": cls.van_1,
            "smart_kids.van.route": cls.morning,
            "smart_kids.van.trip": cls.trip,
            "smart_kids.van.trip.rider": cls.trip.rider_ids[:1],
        }
        cls.targets = {
            "smart_kids.centre": cls.centre_4,
            "smart_kids.child": cls.child_4,
            "smart_kids.vehicle": cls.van_far,
            "smart_kids.van.route": cls.route_far,
            "smart_kids.van.trip": cls.trip_far,
            "res.users": cls.user_province,
        }

    def test_generated_re_pointing_is_refused(self):
        roles = (self.user_teacher, self.user_head, self.user_executive, self.user_province)
        attempts = self._run_scope_attack("smart_kids_transport", self.own, self.targets, roles)
        _logger.info("scope attack on smart_kids_transport: %s re-pointing attempts", attempts)
        self.assertGreaterEqual(attempts, 20)

    def test_a_trip_moves_only_through_its_scans(self):
        rider = self.trip.rider_ids.filtered(lambda r: r.child_id == self.child_1)
        for vals in ({"state": "ended"}, {"stage": "unloading"}, {"due_at": "2099-01-01 00:00:00"}):
            self._assert_refused(
                self.user_teacher, "smart_kids.van.trip", "write", self.trip.ids, vals
            )
        self._assert_refused(
            self.user_teacher, "smart_kids.van.trip.rider", "write", rider.ids, {"state": "off"}
        )
        # nobody plants a trip already ended, or a rider already scanned off
        self._assert_refused(
            self.user_teacher,
            "smart_kids.van.trip",
            "create",
            {
                "route_id": self.afternoon.id,
                "vehicle_id": self.van_2.id,
                "centre_id": self.centre_1.id,
                "date": str(DAY),
                "direction": "to_home",
                "started_at": "2026-11-02 08:00:00",
                "state": "ended",
            },
        )
        self._assert_refused(self.user_teacher, "smart_kids.van.trip", "unlink", self.trip.ids)
        self.assertEqual((self.trip.state, rider.state), ("on_road", "expected"))

    def test_other_centres_vans_are_out_of_reach(self):
        for user in (self.user_teacher, self.user_head, self.user_executive):
            with self.subTest(user=user.login):
                for record in (self.van_far, self.route_far, self.trip_far):
                    with self.assertRaises(AccessError), mute_logger("odoo.models"):
                        record.with_user(user).read(["display_name"])
                self._assert_refused(
                    user, "smart_kids.vehicle", "write", self.van_far.ids, {"name": "Mine"}
                )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            van(self.user_teacher, "van_trip", trip_id=self.trip_far.id)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            van(self.user_teacher, "van_start", route_id=self.route_far.id)
        # an executive sees the trips of their LAO but cannot scan on them
        self.trip.with_user(self.user_executive).read(["state"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            van(
                self.user_executive,
                "van_scan",
                trip_id=self.trip.id,
                payload=self.child_1.card_payload,
            )
        # the rear code is the centre head's to print, not a teacher's to read
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.van_1.with_user(self.user_teacher).read(["rear_token"])
        self.assertEqual(self.trip.rider_ids.mapped("state"), ["expected"] * 3)
