"""The per-centre invitation link of the parent satisfaction survey."""

from odoo import http
from odoo.http import request

from ..models.smart_kids_satisfaction_result import SURVEY_XMLID


class SatisfactionSurveyController(http.Controller):
    @http.route(
        "/smart_kids/satisfaction/<string:token>", type="http", auth="public", website=False
    )
    def satisfaction_start(self, token, **kwargs):
        """Start an answer tied to the centre of the link, then hand over to Odoo's survey."""
        centre = (
            request.env["smart_kids.centre"].sudo().search([("survey_token", "=", token)], limit=1)
            if token
            else None
        )
        survey = request.env.ref(SURVEY_XMLID, raise_if_not_found=False)
        if not centre or not survey or not survey.sudo().active:
            raise request.not_found()
        answer = survey.sudo()._create_answer(user=request.env.user, smart_kids_centre_id=centre.id)
        # guardians of a Thai centre read the survey in Thai (language prefix of the URL)
        thai = request.env["res.lang"].sudo().search([("code", "=", "th_TH")], limit=1)
        prefix = f"/{thai.url_code}" if thai else ""
        return request.redirect(
            f"{prefix}{survey.sudo().get_start_url()}?answer_token={answer.access_token}",
            local=True,
        )
