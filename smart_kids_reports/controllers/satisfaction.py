"""The per-centre invitation link of the parent satisfaction survey."""

from odoo import http
from odoo.http import request

from odoo.addons.survey.controllers.main import Survey

from ..models.smart_kids_satisfaction_result import SURVEY_XMLID

ANSWER_COOKIE = "smart_kids_satisfaction"
# one answer per phone and centre for a school year
ANSWER_COOKIE_DAYS = 365


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
        cookie = f"{ANSWER_COOKIE}_{centre.id}"
        # the same phone coming back continues its answer, or sees its thank-you page,
        # instead of starting (and counting) another one
        answer = self._answer_of_this_phone(survey, centre, request.cookies.get(cookie))
        if not answer:
            answer = survey.sudo()._create_answer(
                user=request.env.user, smart_kids_centre_id=centre.id
            )
        response = request.redirect(answer._smart_kids_start_path(), local=True)
        response.set_cookie(
            cookie, answer.access_token, max_age=ANSWER_COOKIE_DAYS * 86400, httponly=True
        )
        return response

    def _answer_of_this_phone(self, survey, centre, token):
        if not token:
            return None
        return (
            request.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("access_token", "=", token),
                    ("survey_id", "=", survey.id),
                    ("smart_kids_centre_id", "=", centre.id),
                ],
                limit=1,
            )
        )


class SatisfactionSurveyOnce(Survey):
    @http.route()
    def survey_retry(self, survey_token, answer_token, **post):
        """A centre's satisfaction answer is not taken again: back to its thank-you page."""
        answer = (
            request.env["survey.user_input"]
            .sudo()
            .search([("access_token", "=", answer_token)], limit=1)
        )
        if answer.smart_kids_centre_id:
            return request.redirect(f"/survey/{survey_token}/{answer_token}")
        return super().survey_retry(survey_token, answer_token, **post)
