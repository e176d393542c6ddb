from datetime import timedelta

from odoo.addons.smart_kids.tests.common import TINY_PNG
from odoo.addons.smart_kids.tests.common import SmartKidsCommon
from odoo.addons.smart_kids.tests.common import at
from odoo.addons.smart_kids.tests.common import recent_monday


class ReportsCommon(SmartKidsCommon):
    """A past school week: centre 1 records everything, centre 3 only check-ins, centre 2
    nothing (see SmartKidsCommon for the tree and the users)."""

    @classmethod
    def setUpReports(cls):
        cls.setUpSmartKids()
        env = cls.env
        cls.monday = recent_monday()
        cls.week = [cls.monday + timedelta(days=n) for n in range(5)]
        cls.dish = env["smart_kids.dish"].search([], limit=1)
        for day in cls.week:
            env["smart_kids.attendance"].create(
                {
                    "child_id": cls.child_1.id,
                    "centre_id": cls.centre_1.id,
                    "date": day,
                    "check_in": at(day, 7, 40),
                    "check_out": at(day, 15, 10),
                    "health_screened": True,
                }
            )
            lunch = env["smart_kids.lunch"].create(
                {"centre_id": cls.centre_1.id, "date": day, "dish_ids": cls.dish.ids}
            )
            env["smart_kids.photo"].create({"lunch_id": lunch.id, "image": TINY_PNG})
            env["smart_kids.day.activity"].create(
                {
                    "centre_id": cls.centre_1.id,
                    "date": day,
                    "name": "ร้องเพลง",
                    "development_domain": "social",
                }
            )
            env["smart_kids.attendance"].create(
                {
                    "child_id": cls.child_3.id,
                    "centre_id": cls.centre_3.id,
                    "date": day,
                    "check_in": at(day, 8, 5),
                }
            )
        cls.Day = env["smart_kids.centre.day"]
        cls.Day._refresh(cls.week[0], cls.week[-1] + timedelta(days=2))

    @classmethod
    def day_of(cls, centre, day):
        return cls.Day.search([("centre_id", "=", centre.id), ("date", "=", day)])

    @classmethod
    def open_round(cls, area, centre):
        """Open an evaluation round of the week for ``area``; ``centre``'s evaluation."""
        evaluation_round = cls.env["smart_kids.evaluation.round"].create(
            {
                "name": "ประเมินรอบสัปดาห์",
                "area_id": area.id,
                "date_from": cls.week[0],
                "date_to": cls.week[-1],
            }
        )
        evaluation_round.action_open()
        return evaluation_round.evaluation_ids.filtered(lambda e: e.centre_id == centre)
