from datetime import timedelta

from odoo import fields
from odoo import models

from odoo.addons.smart_kids_reports.models.smart_kids_satisfaction_result import SURVEY_XMLID

# a guardian's personal answer is reused for a school year, then a new one is made
ANSWER_KEPT = timedelta(days=300)


class SmartKidsCentre(models.Model):
    _inherit = "smart_kids.centre"

    def _on_survey_invitation(self, text):
        super()._on_survey_invitation(text)
        for centre in self:
            self.env["smart_kids.hooks"]._line_text("guardian_invitation", centre, text)
            centre._line_personal_survey_links()

    def _line_personal_survey_links(self):
        """Each guardian on LINE gets a link of their own, so each guardian answers once (the
        group's public link stays for parents without LINE). Sent once per answer."""
        self.ensure_one()
        trigger = self.env["smart_kids.line.trigger"]._active_for("guardian_invitation")
        survey = self.env.ref(SURVEY_XMLID, raise_if_not_found=False)
        if not trigger or not survey:
            return
        survey = survey.sudo()
        guardians = self._line_guardians()
        Answer = self.env["survey.user_input"].sudo()
        base = self.get_base_url()
        vals_list = []
        for partner in guardians:
            answer = Answer.search(
                [
                    ("survey_id", "=", survey.id),
                    ("partner_id", "=", partner.id),
                    ("smart_kids_centre_id", "=", self.id),
                    ("create_date", ">=", fields.Datetime.now() - ANSWER_KEPT),
                ],
                limit=1,
            ) or survey._create_answer(
                partner=partner, check_attempts=False, smart_kids_centre_id=self.id
            )
            env = self.with_context(lang=partner.lang or "th_TH").env
            url = f"{base}{answer._smart_kids_start_path()}"
            text = env._(
                "%(centre)s asks for your opinion: how satisfied are you with the care of your "
                "child? This link is yours (one answer per guardian): %(url)s",
                centre=self.name,
                url=url,
            )
            vals_list.append(
                {
                    "channel_id": partner.line_channel_id.id,
                    "target": partner.line_user_id,
                    "partner_id": partner.id,
                    "dedupe_key": f"survey:{answer.id}",
                    "priority": trigger[:1].priority,
                    "payload": [{"type": "text", "text": text}],
                }
            )
        self.env["smart_kids.line.message"].sudo()._enqueue(vals_list)
