from odoo import api
from odoo import models


class SmartKidsHooks(models.AbstractModel):
    _inherit = "smart_kids.hooks"

    @api.model
    def _on_van_boarded(self, riders):
        super()._on_van_boarded(riders)
        self._line_to_guardians("van_boarded", riders, lambda r: f"van_boarded:{r.trip_id.id}")

    @api.model
    def _on_van_dropped(self, riders):
        super()._on_van_dropped(riders)
        self._line_to_guardians("van_dropped", riders, lambda r: f"van_dropped:{r.trip_id.id}")

    @api.model
    def _on_van_trip_overdue(self, trips):
        """Guardians of the children still on board hear at once, with the driver's phone."""
        super()._on_van_trip_overdue(trips)
        on_board = trips.sudo().rider_ids.filtered(lambda r: r.state == "boarded")
        self._line_to_guardians(
            "van_trip_overdue", on_board, lambda r: f"van_overdue:{r.trip_id.id}"
        )

    @api.model
    def _guardian_line(self, env, event, child, day):
        if not event.startswith("van_"):
            return super()._guardian_line(env, event, child, day)
        rider = (
            env["smart_kids.van.trip.rider"]
            .sudo()
            .search([("child_id", "=", child.id), ("date", "=", day)], order="id desc", limit=1)
        )
        centre = rider.centre_id
        van = rider.trip_id.vehicle_id
        name = child.with_env(env).sudo().display_name
        if event == "van_boarded":
            return env._(
                "%(child)s boarded the school van %(van)s at %(time)s.",
                child=name,
                van=van.name,
                time=centre._local_time_str(rider.boarded_at),
            )
        if event == "van_dropped":
            return env._(
                "%(child)s was dropped at home at %(time)s and handed to %(adult)s.",
                child=name,
                time=centre._local_time_str(rider.off_at),
                adult=rider.collector_name,
            )
        return env._(
            "The school van %(van)s with %(child)s on board is late and the trip has not been "
            "ended. The centre has been alerted. Driver: %(driver)s.",
            van=van.name,
            child=name,
            driver=" ".join(filter(None, [van.driver_name, van.driver_phone])) or "-",
        )
