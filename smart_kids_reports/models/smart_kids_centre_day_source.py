"""The records a centre-day row counts refresh that row when an earlier day is corrected.

Reports recompute only the days from yesterday on (see ``_refresh_for_report``); a check-in,
absence, lunch, lunch photo, activity or closure saved for an earlier day refreshes its own
centre-day at once, so a month's report stays exact without recomputing the month.
"""

from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models


class SmartKidsCentreDaySource(models.AbstractModel):
    _name = "smart_kids.centre.day.source"
    _description = "Record Counted in a Centre Day"

    def _centre_day_keys(self):
        return {(record.centre_id, record.date) for record in self}

    def _past_centre_day_keys(self):
        recent = fields.Date.today() - timedelta(days=1)
        return {(centre, day) for centre, day in self._centre_day_keys() if day and day < recent}

    def _refresh_centre_days(self, keys):
        Day = self.env["smart_kids.centre.day"].sudo()
        for day in {day for _centre, day in keys}:
            centres = self.env["smart_kids.centre"].union(
                *(centre for centre, key_day in keys if key_day == day)
            )
            Day._refresh(day, day, centres.sudo())

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._refresh_centre_days(records.sudo()._past_centre_day_keys())
        return records

    def write(self, vals):
        before = self.sudo()._past_centre_day_keys()
        result = super().write(vals)
        self._refresh_centre_days(before | self.sudo()._past_centre_day_keys())
        return result

    def unlink(self):
        keys = self.sudo()._past_centre_day_keys()
        result = super().unlink()
        self._refresh_centre_days(keys)
        return result


class SmartKidsAttendance(models.Model):
    _name = "smart_kids.attendance"
    _inherit = ["smart_kids.attendance", "smart_kids.centre.day.source"]


class SmartKidsAbsence(models.Model):
    _name = "smart_kids.absence"
    _inherit = ["smart_kids.absence", "smart_kids.centre.day.source"]


class SmartKidsCentreClosure(models.Model):
    _name = "smart_kids.centre.closure"
    _inherit = ["smart_kids.centre.closure", "smart_kids.centre.day.source"]


class SmartKidsLunch(models.Model):
    _name = "smart_kids.lunch"
    _inherit = ["smart_kids.lunch", "smart_kids.centre.day.source"]


class SmartKidsDayActivity(models.Model):
    _name = "smart_kids.day.activity"
    _inherit = ["smart_kids.day.activity", "smart_kids.centre.day.source"]


class SmartKidsPhoto(models.Model):
    _name = "smart_kids.photo"
    _inherit = ["smart_kids.photo", "smart_kids.centre.day.source"]

    def _centre_day_keys(self):
        # a lunch's photo decides "lunch with photo"; an activity's photo counts nothing
        return {(photo.lunch_id.centre_id, photo.lunch_id.date) for photo in self if photo.lunch_id}
