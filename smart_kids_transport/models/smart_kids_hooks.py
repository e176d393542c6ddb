from odoo import api
from odoo import models


class SmartKidsHooks(models.AbstractModel):
    _inherit = "smart_kids.hooks"

    @api.model
    def _on_van_boarded(self, riders):
        """Children got on a school van (``smart_kids.van.trip.rider``)."""

    @api.model
    def _on_van_dropped(self, riders):
        """Children were handed to an adult at home from the van."""

    @api.model
    def _on_van_trip_overdue(self, trips):
        """Vans not back by their alert time; the riders still on board are on the trips."""

    @api.model
    def _on_van_trip_escalated(self, trips):
        """Late vans escalated to the centre head and the LAO executives."""
