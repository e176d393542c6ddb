from odoo import api
from odoo import models


class SmartKidsHooks(models.AbstractModel):
    """Hooks other modules override to react to what happens in a centre's day.

    Not Odoo's Event app: a set of empty methods. The core calls
    ``_emit("check_in", records)``, which runs ``_on_check_in(records)``; ``smart_kids_line``
    (or any other module) inherits this model and overrides the ``_on_<event>`` methods,
    e.g. to message guardians. Each hook receives the records concerned, in the
    transaction that caused them.
    """

    _name = "smart_kids.hooks"
    _description = "Smart Kids Hooks"

    @api.model
    def _emit(self, event, records):
        if records:
            getattr(self, f"_on_{event}")(records)

    @api.model
    def _on_check_in(self, attendances):
        """Children arrived (``smart_kids.attendance``)."""

    @api.model
    def _on_arrival_recorded(self, attendances):
        """How the children came and their health screen were recorded after the scan."""

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
    def _on_outbreak_signal(self, signals):
        """Several children of a centre showed the same sign within a few days."""

    @api.model
    def _on_vaccination_overdue(self, children):
        """Once a month: children with a vaccine dose overdue (``vaccination_todo``)."""

    @api.model
    def _on_activity_recorded(self, activities):
        """A centre recorded an activity of the day."""
