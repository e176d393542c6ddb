"""The demo's evaluation round and parent answers, after its month of school days.

The exemplary centre has used Smart Kids for over a year (a first check-in 13 months ago) and
its evaluation is validated, with stars; the head's centre has submitted its self-assessment
to the district committee; the others are scoring themselves. Parents answered the
satisfaction survey: many at the exemplary centre, enough at the second, too few at the third
(the result says so). Reproducible (fixed seed); only loaded with demo data.
"""

import random
from datetime import timedelta

from odoo import api
from odoo import fields
from odoo import models

from odoo.addons.smart_kids.models.smart_kids_demo_history import demo_photo

SATISFACTION_ANSWERS = [(12, (4, 5, 5)), (7, (3, 4, 5)), (2, (5,))]  # count, levels drawn from


class SmartKidsDemoHistory(models.AbstractModel):
    _inherit = "smart_kids.demo.history"

    @api.model
    def _generate_reports(self):
        rng = random.Random(2570)
        province = self.env.ref("smart_kids.area_nong_bua_lam_phu")
        centres = self.env["smart_kids.centre"].search(
            [("area_id", "child_of", province.id)], order="id"
        )
        self._first_year_of_use(centres[0])
        self._evaluation_round(province, centres, rng)
        self._satisfaction_answers(centres, rng)
        return True

    def _first_year_of_use(self, centre):
        day = centre._today() - timedelta(days=400)
        while not centre._is_open_on(day):
            day -= timedelta(days=1)
        child = self.env["smart_kids.child"].search([("centre_id", "=", centre.id)], limit=1)
        self.env["smart_kids.attendance"].create(
            {
                "child_id": child.id,
                "centre_id": centre.id,
                "date": day,
                "check_in": centre._local_hour_utc(day, 7.5),
                "health_screened": True,
            }
        )

    def _evaluation_round(self, province, centres, rng):
        today = centres[0]._today()
        evaluation_round = self.env["smart_kids.evaluation.round"].create(
            {
                "name": "ประเมินคุณภาพศูนย์พัฒนาเด็กเล็ก รอบเดือนล่าสุด",
                "area_id": province.id,
                "date_from": today - timedelta(days=30),
                "date_to": today - timedelta(days=1),
            }
        )
        evaluation_round.action_open()
        evaluations = evaluation_round.evaluation_ids.sorted(lambda e: e.centre_id.id)
        exemplary, submitted = evaluations[0], evaluations[1]
        for evaluation in exemplary | submitted:
            self._self_assess(evaluation, rng)
        exemplary.with_user(self.env.ref("smart_kids.user_province")).action_submit()
        exemplary.with_user(self.env.ref("smart_kids.user_province")).action_validate()
        submitted.with_user(self.env.ref("smart_kids.user_head")).action_submit()

    def _self_assess(self, evaluation, rng):
        for line in evaluation.line_ids:
            score = line.auto_score or rng.choice(["3", "3", "2"])
            vals = {"self_score": score}
            if line.indicator_id.evidence_required:
                vals["attachment_ids"] = [
                    fields.Command.create(
                        {
                            "name": f"{line.indicator_id.name}.jpg",
                            "datas": demo_photo(line.sequence, (150, 170, 200)),
                            "res_model": line._name,
                            "res_id": line.id,
                        }
                    )
                ]
            line.write(vals)

    def _satisfaction_answers(self, centres, rng):
        survey = self.env.ref("smart_kids_reports.survey_parent_satisfaction")
        questions = survey.question_ids.filtered(lambda q: q.question_type == "simple_choice")
        for centre, (count, levels) in zip(centres, SATISFACTION_ANSWERS, strict=False):
            for _number in range(count):
                answer = survey._create_answer(
                    user=self.env.ref("base.public_user"), smart_kids_centre_id=centre.id
                )
                for question in questions:
                    level = rng.choice(levels)
                    choice = question.suggested_answer_ids.filtered(
                        lambda a, level=level: a.answer_score == level
                    )
                    answer._save_lines(question, choice.id)
                answer._mark_done()
