"""Turns the day's events of ``smart_kids`` into LINE messages, as the rules say."""

import json
from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models

from .smart_kids_line_message import MULTICAST_LIMIT

MAX_OBJECTS = 5  # LINE accepts at most five message objects per request
UNACCOUNTED_POSTBACK = "sk_unaccounted"  # postback data: sk_unaccounted:<case id>:<answer>


class SmartKidsHooks(models.AbstractModel):
    _inherit = "smart_kids.hooks"

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    @api.model
    def _on_check_in(self, attendances):
        super()._on_check_in(attendances)
        self._line_to_guardians("check_in", attendances, lambda a: f"check_in:{a.date}")

    @api.model
    def _on_arrival_recorded(self, attendances):
        """The health screen usually comes seconds after the scan, while the check-in message
        waits for siblings: the waiting message is written again with the screen's result."""
        super()._on_arrival_recorded(attendances)
        Message = self.env["smart_kids.line.message"].sudo()
        for attendance in attendances:
            for partner in attendance.child_id.sudo().guardian_ids.partner_id:
                if not (partner.line_link_active and partner.line_channel_id):
                    continue
                waiting = Message._lock_unclaimed(
                    partner.line_channel_id.id,
                    partner.id,
                    f"check_in:{attendance.date}:{partner.id}",
                )
                if attendance.child_id in waiting.child_ids:
                    waiting.payload = json.dumps(
                        self._guardian_payload(
                            "check_in", partner, waiting.child_ids, attendance.date
                        ),
                        ensure_ascii=False,
                    )

    @api.model
    def _on_check_out(self, attendances):
        super()._on_check_out(attendances)
        self._line_to_guardians("check_out", attendances, lambda a: f"check_out:{a.date}")

    @api.model
    def _on_health_abnormal(self, attendances):
        super()._on_health_abnormal(attendances)
        self._line_to_guardians("health_abnormal", attendances, lambda a: f"health:{a.id}")

    @api.model
    def _on_unaccounted_opened(self, cases):
        super()._on_unaccounted_opened(cases)
        self._line_to_guardians("unaccounted_opened", cases, lambda c: f"unaccounted:{c.id}")

    @api.model
    def _on_vaccination_overdue(self, children):
        super()._on_vaccination_overdue(children)
        today = fields.Date.context_today(self)
        month = today.strftime("%Y-%m")
        self._line_to_guardians(
            "vaccination_overdue",
            children,
            lambda child: f"vaccination:{child.id}:{month}",
            child_of=lambda child: child,
            day_of=lambda _child: today,
        )

    @api.model
    def _on_lunch_recorded(self, lunches):
        super()._on_lunch_recorded(lunches)
        self._line_to_groups("lunch_recorded", lunches)

    @api.model
    def _on_activity_recorded(self, activities):
        super()._on_activity_recorded(activities)
        self._line_to_groups("activity_recorded", activities)

    # ------------------------------------------------------------------
    # Notices about a centre: a text to its teachers or its group
    # ------------------------------------------------------------------
    @api.model
    def _line_text(self, event, centre, text):
        centre = centre.sudo()
        now = fields.Datetime.now()
        vals_list = []
        for trigger in self.env["smart_kids.line.trigger"]._active_for(event):
            if trigger.audience == "teachers":
                targets = [
                    {"target": p.line_user_id, "partner_id": p.id, "channel_id": p.line_channel_id}
                    for p in centre._teacher_users().partner_id
                    if p.line_link_active and p.line_user_id and p.line_channel_id
                ]
            elif trigger.audience == "centre_group":
                targets = [
                    {
                        "target": g.group_id,
                        "line_group_id": g.id,
                        "recipients": max(g.member_count, 1),
                        "channel_id": g.channel_id,
                    }
                    for g in self.env["smart_kids.line.group"]
                    .sudo()
                    .search([("centre_id", "=", centre.id)])
                ]
            else:
                continue
            for target in targets:
                channel = target.pop("channel_id")
                vals_list.append(
                    {
                        **target,
                        "channel_id": channel.id,
                        "dedupe_key": f"{event}:{centre.id}:{target['target']}:{now}",
                        "priority": trigger.priority,
                        "payload": [{"type": "text", "text": text[:5000]}],
                    }
                )
        self.env["smart_kids.line.message"].sudo()._enqueue(vals_list)

    # ------------------------------------------------------------------
    # Guardians: one message per guardian and occasion, siblings merged while it waits
    # ------------------------------------------------------------------
    @api.model
    def _line_to_guardians(
        self,
        event,
        records,
        occasion,
        child_of=lambda record: record.child_id,
        day_of=lambda record: record.date,
    ):
        triggers = (
            self.env["smart_kids.line.trigger"]
            ._active_for(event)
            .filtered(lambda r: r.audience == "guardians")
        )
        if not triggers:
            return
        Message = self.env["smart_kids.line.message"].sudo()
        for trigger in triggers:
            for record in records:
                child = child_of(record).sudo()
                if not child.line_consent:
                    continue
                guardians = child.guardian_ids.partner_id.filtered(
                    lambda p: p.line_link_active and p.line_user_id and p.line_channel_id
                )
                for partner in guardians:
                    day = day_of(record)
                    Message._enqueue_for_guardian(
                        {
                            "channel_id": partner.line_channel_id.id,
                            "target": partner.line_user_id,
                            "partner_id": partner.id,
                            "occasion": f"{occasion(record)}:{partner.id}",
                            "priority": trigger.priority,
                            "next_attempt_at": fields.Datetime.now()
                            + timedelta(seconds=trigger.merge_delay),
                        },
                        child,
                        lambda children, partner=partner, day=day: self._guardian_payload(
                            event, partner, children, day
                        ),
                    )

    @api.model
    def _guardian_payload(self, event, partner, children, day):
        env = self.with_context(lang=partner.lang or "th_TH").env
        lines = [self._guardian_line(env, event, child, day) for child in children]
        message = {"type": "text", "text": "\n".join(lines)[:5000]}
        if event == "unaccounted_opened":
            message["quickReply"] = self._unaccounted_quick_reply(env, children, day)
        return [message]

    @api.model
    def _unaccounted_quick_reply(self, env, children, day):
        """One tap for the guardian: sick, on leave, or on the way (the webhook's postback)."""
        cases = (
            env["smart_kids.unaccounted.case"]
            .sudo()
            .search([("child_id", "in", children.ids), ("date", "=", day)])
        )
        answers = [
            ("sick", env._("Sick")),
            ("leave", env._("On leave")),
            ("on_the_way", env._("On the way")),
        ]
        return {
            "items": [
                {
                    "type": "action",
                    "action": {
                        "type": "postback",
                        "label": label,
                        "displayText": label,
                        "data": f"{UNACCOUNTED_POSTBACK}:{case.id}:{answer}",
                    },
                }
                for case in cases[:4]  # LINE allows 13 buttons: three per child
                for answer, label in answers
            ]
        }

    @api.model
    def _guardian_line(self, env, event, child, day):
        child = child.with_env(env).sudo()
        centre = child.centre_id
        attendance = child.attendance_ids.filtered(lambda a: a.date == day)[:1]
        name = child.display_name
        if event == "check_in":
            mode = dict(attendance._fields["arrival_mode"]._description_selection(env)).get(
                attendance.arrival_mode, ""
            )
            arrived = env._(
                "%(child)s arrived at %(centre)s at %(time)s (%(mode)s).",
                child=name,
                centre=centre.name,
                time=centre._local_time_str(attendance.check_in),
                mode=mode,
            )
            if not attendance.health_screened:
                return arrived
            findings = attendance._health_summary() if attendance.health_abnormal else ""
            health = (
                env._("Health check: %(findings)s", findings=findings)
                if findings
                else env._("Health check: normal")
            )
            return f"{arrived} {health}"
        if event == "check_out":
            return env._(
                "%(child)s went home at %(time)s with %(collector)s.",
                child=name,
                time=centre._local_time_str(attendance.check_out),
                collector=attendance.collector_name,
            )
        if event == "vaccination_overdue":
            return env._(
                "%(child)s has a vaccination overdue: %(doses)s. Please take the child to the "
                "health centre with the Mother and Child Health Book.",
                child=name,
                doses=child.vaccination_todo,
            )
        if event == "health_abnormal":
            return env._(
                "Health check of %(child)s today: %(findings)s. "
                "The teachers are keeping an eye on it.",
                child=name,
                findings=attendance._health_summary(),
            )
        return env._(
            "%(child)s has not arrived at %(centre)s and we have no message of absence. If your "
            "child is with you, please tell the centre%(phone)s.",
            child=name,
            centre=centre.name,
            phone=env._(" at %(phone)s", phone=centre.phone) if centre.phone else "",
        )

    # ------------------------------------------------------------------
    # Lunch and activities, with consented photos only: to the centre's LINE groups, or to all
    # its guardians at once (multicast: LINE bills each recipient, as it does a push each)
    # ------------------------------------------------------------------
    @api.model
    def _line_to_groups(self, event, records):
        triggers = (
            self.env["smart_kids.line.trigger"]
            ._active_for(event)
            .filtered(lambda r: r.audience in ("centre_group", "centre_guardians"))
        )
        if not triggers:
            return
        Group = self.env["smart_kids.line.group"].sudo()
        vals_list = []
        for trigger in triggers:
            for record in records.sudo():
                common = {"priority": trigger.priority}
                if trigger.audience == "centre_guardians":
                    payload = self._group_payload(event, record)
                    for channel, user_ids in self._centre_guardians(record.centre_id).items():
                        for start in range(0, len(user_ids), MULTICAST_LIMIT):
                            chunk = user_ids[start : start + MULTICAST_LIMIT]
                            vals_list.append(
                                {
                                    **common,
                                    "channel_id": channel.id,
                                    "target": f"multicast:{len(chunk)}",
                                    "multicast_to": chunk,
                                    "recipients": len(chunk),
                                    "dedupe_key": f"{event}:{record.id}:guardians:{start}",
                                    "payload": payload,
                                }
                            )
                    continue
                for group in Group.search([("centre_id", "=", record.centre_id.id)]):
                    vals_list.append(
                        {
                            **common,
                            "channel_id": group.channel_id.id,
                            "target": group.group_id,
                            "line_group_id": group.id,
                            "recipients": max(group.member_count, 1),
                            "dedupe_key": f"{event}:{record.id}:{group.id}",
                            "payload": self._group_payload(event, record),
                        }
                    )
        self.env["smart_kids.line.message"].sudo()._enqueue(vals_list)

    @api.model
    def _centre_guardians(self, centre):
        """LINE userIds of the centre's linked guardians, per channel, each once (a parent of
        siblings gets one message)."""
        per_channel = {}
        for partner in centre._line_guardians().sorted("id"):
            users = per_channel.setdefault(partner.line_channel_id, [])
            if partner.line_user_id not in users:
                users.append(partner.line_user_id)
        return per_channel

    @api.model
    def _group_payload(self, event, record):
        env = self.with_context(lang="th_TH").env
        if event == "lunch_recorded":
            text = env._(
                "Lunch at %(centre)s today: %(dishes)s",
                centre=record.centre_id.name,
                dishes=", ".join(record.with_env(env).dish_ids.mapped("name")),
            )
        else:
            domain = dict(record._fields["development_domain"]._description_selection(env)).get(
                record.development_domain, ""
            )
            text = env._(
                "Today at %(centre)s: %(title)s (%(domain)s)\n%(description)s",
                centre=record.centre_id.name,
                title=record.name,
                domain=domain,
                description=record.description or "",
            )
        photos = record.photo_ids.filtered("shareable")[: MAX_OBJECTS - 1]
        return [{"type": "text", "text": text[:5000]}] + [p._line_image_message() for p in photos]
