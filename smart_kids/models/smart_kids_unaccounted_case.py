from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models

from .cron_alarm import wake_crons_at


class SmartKidsUnaccountedCase(models.Model):
    """A child expected today who was neither scanned nor marked absent by the deadline.

    Opening one alerts the centre's teachers at once; if nobody resolves it within the
    centre's escalation delay, the LAO executives are alerted. Scanning the child or
    marking them absent closes it, recording who did and when.
    """

    _name = "smart_kids.unaccounted.case"
    _description = "Unaccounted Child"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin"]
    # opened by the deadline cron, closed by a scan or an absence: never by hand
    _scope_workflow_fields = (
        "child_id",
        "centre_id",
        "date",
        "state",
        "opened_at",
        "escalated_at",
        "resolved_at",
        "resolved_by_id",
        "resolution",
        "answered_by_id",
        "on_the_way_at",
    )
    _order = "date desc, state, id desc"
    _rec_name = "child_id"

    child_id = fields.Many2one("smart_kids.child", required=True, ondelete="cascade", index=True)
    centre_id = fields.Many2one("smart_kids.centre", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, index=True)
    state = fields.Selection(
        [("open", "Unaccounted"), ("resolved", "Resolved")],
        default="open",
        required=True,
        tracking=True,
    )
    opened_at = fields.Datetime(required=True, default=fields.Datetime.now)
    escalated_at = fields.Datetime(tracking=True)
    resolved_at = fields.Datetime(tracking=True)
    resolved_by_id = fields.Many2one("res.users", string="Resolved By", tracking=True)
    resolution = fields.Selection(
        [("checked_in", "Arrived (scanned)"), ("absent", "Marked absent")], tracking=True
    )
    answered_by_id = fields.Many2one(
        "res.partner",
        string="Answered By (Guardian)",
        tracking=True,
        help="The guardian who answered the alert (e.g. on LINE).",
    )
    on_the_way_at = fields.Datetime(
        string="On the Way Since",
        tracking=True,
        help="A guardian said the child is on the way: the escalation waits again from here.",
    )

    _sql_constraints = [
        (
            "child_date_unique",
            "unique(child_id, date)",
            "A child has one unaccounted case per day.",
        ),
    ]

    @api.constrains("child_id", "centre_id")
    def _check_child_of_centre(self):
        self._check_centre_agrees("child_id")

    # ------------------------------------------------------------------
    # The deadline cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_check_deadlines(self):
        """Open cases at each centre's deadline and escalate those left open too long."""
        now = fields.Datetime.now()
        for centre in self.env["smart_kids.centre"].search([]):
            today = centre._local_date(now)
            if centre._is_open_on(today) and now >= centre._deadline_utc(today):
                self._open_cases(centre, today, now)
        due = self.search([("state", "=", "open"), ("escalated_at", "=", False)]).filtered(
            lambda case: case._escalation_due_at() <= now
        )
        due._escalate(now)
        self._schedule_next_run(now)

    @api.model
    def _open_cases(self, centre, day, now):
        missing = centre._missing_children(day)
        already = self.search([("centre_id", "=", centre.id), ("date", "=", day)]).child_id
        cases = self.create(
            [
                {"child_id": child.id, "centre_id": centre.id, "date": day, "opened_at": now}
                for child in missing - already
            ]
        )
        # what add-ons know of these children (e.g. "on the van") goes into the to-do
        notes = centre._roster_notes(day, cases.child_id)
        for case in cases:
            note = self.env._(
                "%(child)s was expected today and has not been scanned or marked absent. "
                "Find the child, then scan their card or mark them absent.",
                child=case.child_id.name,
            )
            if notes.get(case.child_id.id):
                note = f"{notes[case.child_id.id]}. {note}"
            for user in centre._teacher_users():
                case.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Where is %(child)s?", child=case.child_id.name),
                    note=note,
                    user_id=user.id,
                )
        self.env["smart_kids.hooks"]._emit("unaccounted_opened", cases)
        return cases

    def _escalate(self, now):
        for case in self:
            for user in case.centre_id._executive_users():
                case.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Unaccounted child at %(centre)s: %(child)s",
                        centre=case.centre_id.name,
                        child=case.child_id.name,
                    ),
                    note=self.env._(
                        "Still not found %(minutes)s minutes after the check-in deadline.",
                        minutes=case.centre_id.escalation_delay,
                    ),
                    user_id=user.id,
                )
        self._scope_write_workflow({"escalated_at": now})
        self.env["smart_kids.hooks"]._emit("unaccounted_escalated", self)

    def _escalation_due_at(self):
        """Escalation delay after the case opened, or after a guardian said "on the way"."""
        self.ensure_one()
        since = max(self.opened_at, self.on_the_way_at or self.opened_at)
        return since + timedelta(minutes=self.centre_id.escalation_delay)

    @api.model
    def _schedule_next_run(self, now):
        """Wake the cron at the next deadline of every centre and at every escalation due."""
        cron = self.env.ref("smart_kids.ir_cron_unaccounted_children", raise_if_not_found=False)
        if not cron:
            return
        wanted = set()
        for centre in self.env["smart_kids.centre"].search([]):
            deadline = centre._next_deadline_utc(now)
            if deadline:
                wanted.add(deadline)
        for case in self.search([("state", "=", "open"), ("escalated_at", "=", False)]):
            wanted.add(case._escalation_due_at())
        scheduled = set(
            self.env["ir.cron.trigger"]
            .sudo()
            .search([("cron_id", "=", cron.id), ("call_at", ">", now)])
            .mapped("call_at")
        )
        missing = sorted(at for at in wanted - scheduled if at > now)
        if missing:
            cron._trigger(at=missing)
            wake_crons_at(self.env.cr, missing)

    # ------------------------------------------------------------------
    # Resolution
    # ------------------------------------------------------------------
    def _guardian_answer(self, guardian, answer):
        """A guardian answered the alert: ``sick`` or ``leave`` record the absence (which
        closes the case), ``on_the_way`` holds the escalation. False when the case was
        already closed (the child arrived, or a teacher marked the absence)."""
        self.ensure_one()
        if self.state != "open":
            return False
        if answer in ("sick", "leave"):
            self.env["smart_kids.absence"].sudo().create(
                {
                    "child_id": self.child_id.id,
                    "date": self.date,
                    "reason": answer,
                    "note": self.env._("Reported by %(guardian)s", guardian=guardian.name),
                }
            )
            self._scope_write_workflow({"answered_by_id": guardian.id})
        elif answer == "on_the_way":
            self._scope_write_workflow(
                {"answered_by_id": guardian.id, "on_the_way_at": fields.Datetime.now()}
            )
            self._schedule_next_run(fields.Datetime.now())
        else:
            return False
        return True

    @api.model
    def _resolve_for(self, records, resolution):
        """Close the open cases of the children in ``records`` (attendances or absences)."""
        if not records:
            return
        keys = {(record.child_id.id, record.date) for record in records}
        cases = (
            self.sudo()
            .search(
                [
                    ("state", "=", "open"),
                    ("child_id", "in", records.child_id.ids),
                    ("date", "in", list({date for _child, date in keys})),
                ]
            )
            .filtered(lambda case: (case.child_id.id, case.date) in keys)
        )
        if not cases:
            return
        cases.write(
            {
                "state": "resolved",
                "resolved_at": fields.Datetime.now(),
                "resolved_by_id": self.env.uid,
                "resolution": resolution,
            }
        )
        cases.activity_ids.action_feedback(
            feedback=self.env._("Resolved by %(user)s", user=self.env.user.name)
        )
        self.env["smart_kids.hooks"]._emit("unaccounted_resolved", cases)
