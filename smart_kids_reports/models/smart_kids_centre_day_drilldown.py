from odoo import models

from odoo.addons.smart_kids.thai_format import thai_date


class SmartKidsCentreDay(models.Model):
    """From a centre's card on the *Today* board, one click to what is behind its numbers: the
    children not checked in, the lunch with its photo, the activities."""

    _inherit = "smart_kids.centre.day"

    def _day_domain(self):
        return [("centre_id", "=", self.centre_id.id), ("date", "=", self.date)]

    def action_open_not_checked_in(self):
        self.ensure_one()
        here = self.env["smart_kids.attendance"].search(self._day_domain()).child_id
        excused = self.env["smart_kids.absence"].search(self._day_domain()).child_id
        missing = self.env["smart_kids.child"].search(
            [
                ("centre_id", "=", self.centre_id.id),
                ("state", "=", "enrolled"),
                ("id", "not in", (here | excused).ids),
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id("smart_kids.smart_kids_child_action")
        action.update(
            name=self.env._(
                "Not checked in: %(centre)s, %(date)s",
                centre=self.centre_id.display_name,
                date=thai_date(self.date, short=True),
            ),
            domain=[("id", "in", missing.ids)],
            context={},
            views=[(False, "list"), (False, "form")],
        )
        return action

    def action_open_lunch(self):
        self.ensure_one()
        lunch = self.env["smart_kids.lunch"].search(self._day_domain(), limit=1)
        action = self.env["ir.actions.act_window"]._for_xml_id("smart_kids.smart_kids_lunch_action")
        if lunch:
            action.update(views=[(False, "form")], res_id=lunch.id)
        else:
            action.update(domain=self._day_domain(), context={})
        return action

    def action_open_activities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "smart_kids.smart_kids_day_activity_action"
        )
        action.update(domain=self._day_domain(), context={})
        return action
