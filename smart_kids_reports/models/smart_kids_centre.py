"""What reports add to a centre: the satisfaction invitation link and reminders."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from odoo.addons.smart_kids.models.secret_tokens import fill_missing_tokens
from odoo.addons.smart_kids.models.secret_tokens import new_token

from .smart_kids_satisfaction_result import SURVEY_XMLID


class SmartKidsCentre(models.Model):
    _inherit = "smart_kids.centre"

    survey_token = fields.Char(
        string="Survey Link Token", copy=False, groups="smart_kids.smart_kids_group_teacher"
    )
    survey_url = fields.Char(
        compute="_compute_survey_url",
        string="Satisfaction Survey Link",
        groups="smart_kids.smart_kids_group_teacher",
    )

    # one link, one centre; the unique index finds the centre of a parent's link
    _sql_constraints = [
        ("survey_token_unique", "unique(survey_token)", "Survey links must be unique."),
    ]

    def _auto_init(self):
        result = super()._auto_init()
        fill_missing_tokens(self.env.cr, self._table, "survey_token", 12)
        return result

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("survey_token", new_token(12))
        return super().create(vals_list)

    @api.depends("survey_token")
    def _compute_survey_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        for centre in self:
            centre.survey_url = f"{base}/smart_kids/satisfaction/{centre.sudo().survey_token}"

    def action_send_survey_invitation(self):
        """Post the satisfaction survey link to the centre's guardians (LINE group if any):
        the centre's own staff do (those who may change the centre), not read-only roles."""
        self.check_access("write")
        survey = self.env.ref(SURVEY_XMLID, raise_if_not_found=False)
        if not survey or not survey.sudo().active:
            raise UserError(self.env._("The parent satisfaction survey is not available."))
        for centre in self:
            env = centre.with_context(lang="th_TH").env
            text = env._(
                "%(centre)s asks for your opinion: how satisfied are you with the care of your "
                "child? It takes two minutes: %(url)s",
                centre=centre.name,
                url=centre.survey_url,
            )
            centre._on_survey_invitation(text)
            centre._message_log(body=text)  # needs no sender's email
        return True

    def _on_survey_invitation(self, text):
        """Hook: deliver the invitation ``text`` (with the link) to the centre's guardians;
        ``smart_kids_reports_line`` posts it to the centre's LINE group."""

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    def _due_reminder_slot(self, slots, already_reminded_at):
        """The latest reminder time (hours) passed today in the centre's zone, not yet sent."""
        self.ensure_one()
        now = fields.Datetime.now()
        today = self._local_date(now)
        passed = [slot for slot in slots if self._local_hour_utc(today, slot) <= now]
        if not passed:
            return None
        slot = max(passed)
        if already_reminded_at and already_reminded_at >= self._local_hour_utc(today, slot):
            return None
        return slot
