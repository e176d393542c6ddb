"""Reminders to a centre's teachers when today's data is still missing at set times."""

import re

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

TIMES_PARAM = "smart_kids_reports.reminder_times"
DEFAULT_TIMES = "10:30, 14:00"
ACTIVITY_TYPE = "smart_kids_reports.mail_activity_type_data_reminder"
TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_times(text):
    """'10:30, 14:00' -> [10.5, 14.0]; ValueError names the part that is not a time."""
    slots = []
    for part in filter(None, (p.strip() for p in (text or "").split(","))):
        match = TIME_RE.match(part)
        if not match:
            raise ValueError(part)
        slots.append(int(match.group(1)) + int(match.group(2)) / 60.0)
    return sorted(slots)


def checked_times(env, text):
    """parse_times, with the error a user can act on."""
    try:
        return parse_times(text)
    except ValueError as error:
        raise ValidationError(
            env._(
                "Reminder times must look like 10:30, 14:00; '%(part)s' is not a time.",
                part=error.args[0],
            )
        ) from error


class SmartKidsFreshnessReminder(models.AbstractModel):
    _name = "smart_kids.freshness.reminder"
    _description = "Data Freshness Reminders"

    @api.model
    def _reminder_slots(self):
        raw = self.env["ir.config_parameter"].sudo().get_param(TIMES_PARAM, DEFAULT_TIMES)
        return checked_times(self.env, raw)

    @api.model
    def _cron_remind(self):
        """Run every few minutes: remind centres whose reminder time passed today."""
        Day = self.env["smart_kids.centre.day"].sudo()
        slots = self._reminder_slots()
        now = fields.Datetime.now()
        centres = self.env["smart_kids.centre"].sudo().search([])
        # "today" is each centre's local date
        by_date = {}
        for centre in centres:
            by_date.setdefault(centre._local_date(now), self.env["smart_kids.centre"])
            by_date[centre._local_date(now)] |= centre
        days = Day.browse()
        for today, local_centres in by_date.items():
            Day._refresh(today, today, local_centres)
            days |= Day.search(
                [
                    ("date", "=", today),
                    ("is_open", "=", True),
                    ("centre_id", "in", local_centres.ids),
                ]
            )
        self._close_reminders(days.filtered("is_current").centre_id)
        for day in days.filtered(lambda d: not d.is_current):
            if day.centre_id._due_reminder_slot(slots, day.reminded_at) is None:
                continue
            self._remind(day)

    @api.model
    def _remind(self, day):
        centre = day.centre_id
        activity_type = self.env.ref(ACTIVITY_TYPE)
        users = centre._teacher_users()
        open_activities = self._reminder_activities(centre)
        for user in users:
            env = self.with_context(lang=user.lang).env
            text = self._reminder_text(env, day)
            mine = open_activities.filtered(lambda a, u=user: a.user_id == u)
            if mine:
                mine.write({"note": text, "date_deadline": day.date})
            else:
                centre.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=env._("Today's data is missing"),
                    note=text,
                    user_id=user.id,
                    date_deadline=day.date,
                )
        thai = self.with_context(lang="th_TH").env
        self._on_reminder(centre, self._reminder_text(thai, day))
        day.reminded_at = fields.Datetime.now()

    @api.model
    def _on_reminder(self, centre, text):
        """Hook: the teachers of ``centre`` were reminded (to-dos above); other channels
        (LINE, in ``smart_kids_reports_line``) deliver ``text`` too."""

    @api.model
    def _reminder_activities(self, centres):
        """The open data reminders (to-dos) on these centres."""
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "smart_kids.centre"),
                    ("res_id", "in", centres.ids),
                    ("activity_type_id", "=", self.env.ref(ACTIVITY_TYPE).id),
                ]
            )
        )

    @api.model
    def _reminder_text(self, env, day):
        return env._(
            "%(centre)s: today's records are not complete yet (missing: %(missing)s). "
            "Please record them in Smart Kids.",
            centre=day.centre_id.name,
            missing=day.with_env(env).missing_summary or "-",
        )

    @api.model
    def _close_reminders(self, centres):
        """Once the data is current, the reminders of the day are done."""
        if not centres:
            return
        activities = self._reminder_activities(centres)
        activities.action_feedback(feedback=self.env._("Today's data is complete."))
