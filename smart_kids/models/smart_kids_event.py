from odoo import api
from odoo import models


class SmartKidsEvent(models.AbstractModel):
    """The events of a centre's day that other modules react to.

    The core module only emits them; ``smart_kids_line`` (or any other module) inherits
    this model and overrides the ``_on_<event>`` hooks, e.g. to message guardians. Each
    hook receives the records concerned, in the transaction that caused the event.
    """

    _name = "smart_kids.event"
    _description = "Smart Kids Events"

    @api.model
    def _emit(self, event, records):
        if records:
            getattr(self, f"_on_{event}")(records)

    @api.model
    def _on_check_in(self, attendances):
        """Children arrived (``smart_kids.attendance``)."""

    @api.model
    def _on_check_out(self, attendances):
        """Children went home; the collector is on the attendance."""

    @api.model
    def _on_health_abnormal(self, attendances):
        """A health screen found fever or symptoms."""

    @api.model
    def _on_unaccounted_opened(self, cases):
        """Expected children were neither scanned nor marked absent by the deadline."""

    @api.model
    def _on_unaccounted_escalated(self, cases):
        """Unaccounted cases were escalated to the LAO executives."""

    @api.model
    def _on_unaccounted_resolved(self, cases):
        """Unaccounted children were found (scanned) or marked absent."""

    @api.model
    def _on_lunch_recorded(self, lunches):
        """A centre recorded its lunch (dishes; photos may follow)."""

    @api.model
    def _on_activity_recorded(self, activities):
        """A centre recorded an activity of the day."""
