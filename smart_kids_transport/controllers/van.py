"""The check-in screen's van mode: the same service as the check-in, with the van's actions.

The phone calls ``/smart_kids/van/<action>`` as the logged-in attendant (a teacher of the
centre), within their record rules; the models do the work and this service shapes what the
screen shows.
"""

from odoo import fields
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.smart_kids.controllers.checkin import CheckinService

from ..models.smart_kids_vehicle import REAR_PREFIX

VAN_ACTIONS = frozenset(
    {"van_setup", "van_start", "van_trip", "van_scan", "van_unload", "van_drop", "van_not_boarded"}
)


class VanTripService(CheckinService):
    actions = VAN_ACTIONS

    def _trip(self, trip_id):
        trip = self.env["smart_kids.van.trip"].browse(int(trip_id or 0)).exists()
        if not trip:
            raise UserError(self.env._("This trip was not found."))
        trip.check_access("read")
        return trip

    def van_setup(self, centre_id=None):
        """Today's routes of the centre and the trips on the road, to start or resume one."""
        centre = self._centre(centre_id)
        today = centre._local_date(fields.Datetime.now())
        trips = self.env["smart_kids.van.trip"].search(
            [("centre_id", "=", centre.id), ("date", "=", today)]
        )
        routes = self.env["smart_kids.van.route"].search([("centre_id", "=", centre.id)])
        directions = dict(routes._fields["direction"]._description_selection(self.env))
        return {
            "routes": [
                {
                    "id": route.id,
                    "name": route.name,
                    "van": route.vehicle_id.name,
                    "direction": directions[route.direction],
                    "trip_id": trips.filtered(lambda t, r=route: t.route_id == r).id or False,
                }
                for route in routes
            ],
            "not_boarded_reasons": self.env["smart_kids.van.trip.rider"]
            ._fields["not_boarded_reason"]
            ._description_selection(self.env),
        }

    def van_start(self, route_id):
        route = self.env["smart_kids.van.route"].browse(int(route_id)).exists()
        if not route:
            raise UserError(self.env._("This route was not found."))
        return self._trip_response(self.env["smart_kids.van.trip"]._start(route))

    def van_trip(self, trip_id):
        return self._trip_response(self._trip(trip_id))

    def van_scan(self, trip_id, payload):
        """A scan in van mode: a child's card, or the van's rear code to end the trip."""
        trip = self._trip(trip_id)
        if (payload or "").strip().startswith(REAR_PREFIX):
            trip._end(payload)
            return self._trip_response(
                trip, "ended", self.env._("Trip ended. No child is on board.")
            )
        child = self.env["smart_kids.child"]._find_by_card(payload)
        if not child:
            raise UserError(
                self.env._("This is not a valid Smart Kids card (or it has been replaced).")
            )
        rider, status = trip._scan_child(child)
        return self._trip_response(trip, status, self._rider_message(rider, status), rider)

    def van_unload(self, trip_id):
        trip = self._trip(trip_id)
        trip.action_start_unloading()
        return self._trip_response(trip)

    def van_drop(self, trip_id, child_id, **collector):
        trip = self._trip(trip_id)
        rider = trip.rider_ids.filtered(lambda r: r.child_id.id == int(child_id))
        if not rider:
            raise UserError(self.env._("This child was not found."))
        rider._drop_at_home(**collector)
        return self._trip_response(trip, "dropped", self._rider_message(rider, "dropped"), rider)

    def van_not_boarded(self, trip_id, child_id, reason, note=None):
        trip = self._trip(trip_id)
        rider = trip.rider_ids.filtered(lambda r: r.child_id.id == int(child_id))
        if not rider:
            raise UserError(self.env._("This child was not found."))
        rider.action_mark_not_boarded(reason, note)
        return self._trip_response(trip)

    # ------------------------------------------------------------------
    # Shaping
    # ------------------------------------------------------------------
    def _rider_message(self, rider, status):
        centre = rider.centre_id
        name = rider.child_id.name
        messages = {
            "boarded": self.env._("%(child)s is on board.", child=name),
            "already_on_board": self.env._("%(child)s is already on board.", child=name),
            "arrived": self.env._("%(child)s arrived at the centre (checked in).", child=name),
            "choose_collector": self.env._("Who is taking %(child)s?", child=name),
            "dropped": self.env._(
                "%(child)s was handed to %(adult)s.", child=name, adult=rider.collector_name
            ),
            "already_off": self.env._(
                "%(child)s already left the van at %(time)s.",
                child=name,
                time=centre._local_time_str(rider.off_at) if rider.off_at else "",
            ),
        }
        return messages[status]

    def _trip_response(self, trip, status=None, message=None, rider=None):
        states = dict(trip.rider_ids._fields["state"]._description_selection(self.env))
        response = {
            "id": trip.id,
            "route": trip.route_id.name,
            "van": trip.vehicle_id.name,
            "direction": trip.direction,
            "stage": trip.stage,
            "state": trip.state,
            "on_board": trip.on_board_count,
            "status": status,
            "message": message,
            "riders": [
                {
                    **self._child_card(r.child_id),
                    "state": r.state,
                    "state_label": states[r.state],
                }
                for r in trip.rider_ids.sorted(lambda r: r.child_id.name)
            ],
        }
        if status == "choose_collector":
            child = rider.child_id
            response["collect"] = {
                "child_id": child.id,
                "name": child.name,
                "collectors": self._collectors(child),
            }
        return response


class SmartKidsVan(http.Controller):
    @http.route("/smart_kids/van/<string:action>", type="json", auth="user")
    def van(self, action, **params):
        """The attendant's phone: as the logged-in user, within their record rules."""
        return VanTripService(request.env).run(action, params)
