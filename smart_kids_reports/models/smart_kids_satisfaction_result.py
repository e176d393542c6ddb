"""Parent satisfaction per centre, read from the answers to the satisfaction survey."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.tools import SQL
from odoo.tools.sql import column_exists

LEVELS = [
    ("1", "1 - Very dissatisfied"),
    ("2", "2 - Dissatisfied"),
    ("3", "3 - Neutral"),
    ("4", "4 - Satisfied"),
    ("5", "5 - Very satisfied"),
]
SURVEY_XMLID = "smart_kids_reports.survey_parent_satisfaction"
# fewer answers than this say little about a centre: the level is shown as not yet telling
MIN_RESPONSES = 5


class SmartKidsSatisfactionResult(models.Model):
    """One row per centre with answers: average of the five-level questions (scores 1-5).

    A view over ``survey.user_input``: results are live as guardians answer. Record rules
    on the centre apply, so an executive sees only the centres of their scope.
    """

    _name = "smart_kids.satisfaction.result"
    _description = "Parent Satisfaction per Centre"
    _auto = False
    _order = "average desc"
    _rec_name = "centre_id"
    _depends = {
        "survey.user_input": ["smart_kids_centre_id", "state", "test_entry"],
        "survey.user_input.line": ["user_input_id", "suggested_answer_id"],
        "survey.question.answer": ["answer_score"],
        "smart_kids.centre": ["area_id", "district_id"],
        "smart_kids.area": ["parent_id"],
    }

    centre_id = fields.Many2one("smart_kids.centre", readonly=True)
    lao_id = fields.Many2one("smart_kids.area", string="LAO", readonly=True)
    district_id = fields.Many2one("smart_kids.area", string="District", readonly=True)
    response_count = fields.Integer(string="Responses", readonly=True)
    average = fields.Float(string="Average (1-5)", digits=(3, 2), readonly=True, aggregator="avg")
    level = fields.Selection(LEVELS, string="Satisfaction Level", readonly=True)
    enough_responses = fields.Boolean(compute="_compute_sample_note")
    sample_note = fields.Char(string="Sample", compute="_compute_sample_note")

    @api.depends("response_count")
    def _compute_sample_note(self):
        for result in self:
            result.enough_responses = result.response_count >= MIN_RESPONSES
            result.sample_note = (
                False
                if result.enough_responses
                else self.env._(
                    "Too few answers to judge (%(count)s of at least %(minimum)s)",
                    count=result.response_count,
                    minimum=MIN_RESPONSES,
                )
            )

    def init(self):
        self._create_view()

    def _create_view(self):
        # models of one module are initialised in no guaranteed order: the view needs the
        # column added to survey.user_input, whose init() calls this again
        if not column_exists(self.env.cr, "survey_user_input", "smart_kids_centre_id"):
            return
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW smart_kids_satisfaction_result AS (
    SELECT c.id AS id, c.id AS centre_id, a.parent_id AS lao_id, c.district_id,
           count(DISTINCT ui.id) AS response_count,
           round(avg(qa.answer_score)::numeric, 2) AS average,
           greatest(1, least(5, round(avg(qa.answer_score)::numeric)))::int::varchar AS level
      FROM survey_user_input ui
      JOIN smart_kids_centre c ON c.id = ui.smart_kids_centre_id
      JOIN smart_kids_area a ON a.id = c.area_id
      JOIN survey_user_input_line l ON l.user_input_id = ui.id
      JOIN survey_question_answer qa ON qa.id = l.suggested_answer_id
     WHERE ui.state = 'done' AND ui.test_entry IS NOT TRUE
       AND qa.answer_score BETWEEN 1 AND 5
     GROUP BY c.id, a.parent_id, c.district_id
)"""
            )
        )

    @api.model
    def _averages(self, centres, date_from=None, date_to=None):
        """{centre_id: (average 1-5, responses)} for answers completed in the period."""
        period = SQL("TRUE")
        if date_from and date_to:
            period = SQL("ui.end_datetime::date BETWEEN %s AND %s", date_from, date_to)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
SELECT ui.smart_kids_centre_id, avg(qa.answer_score), count(DISTINCT ui.id)
  FROM survey_user_input ui
  JOIN survey_user_input_line l ON l.user_input_id = ui.id
  JOIN survey_question_answer qa ON qa.id = l.suggested_answer_id
 WHERE ui.smart_kids_centre_id = ANY(%s) AND ui.state = 'done' AND ui.test_entry IS NOT TRUE
   AND qa.answer_score BETWEEN 1 AND 5 AND %s
 GROUP BY ui.smart_kids_centre_id""",
                centres.ids,
                period,
            )
        )
        return {row[0]: (float(row[1]), row[2]) for row in self.env.cr.fetchall()}
