"""A centre's evaluation in a round: self-assessment, committee, result and stars."""

from dateutil.relativedelta import relativedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .smart_kids_indicator import MAX_SCORE

CLASSIFICATIONS = [
    ("complete_current", "Complete and current"),
    ("complete_not_current", "Complete but not current"),
    ("incomplete", "Incomplete"),
]
STAR_DEFAULTS = {2: 50, 3: 65, 4: 80, 5: 90}  # minimum score (%) for each star level
CURRENT_DEFAULT = 80  # share (%) of open days current for the data to count as current
STAR_PARAM = "smart_kids_reports.star_%s_min"
CURRENT_PARAM = "smart_kids_reports.current_min_rate"
OFFICER_GROUP = "smart_kids.smart_kids_group_district_officer"


class SmartKidsEvaluation(models.Model):
    _name = "smart_kids.evaluation"
    _description = "Centre Evaluation"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread", "mail.activity.mixin"]
    _scope_workflow_fields = ("round_id", "centre_id", "state")
    _order = "date_to desc, district_id, lao_id, centre_id"
    _rec_name = "centre_id"

    round_id = fields.Many2one(
        "smart_kids.evaluation.round", required=True, ondelete="cascade", index=True
    )
    centre_id = fields.Many2one("smart_kids.centre", required=True, index=True, readonly=True)
    lao_id = fields.Many2one(related="centre_id.lao_id", string="LAO")
    district_id = fields.Many2one(related="centre_id.district_id", store=True)
    date_from = fields.Date(related="round_id.date_from")
    date_to = fields.Date(related="round_id.date_to", store=True)
    state = fields.Selection(
        [
            ("draft", "Self-assessment"),
            ("submitted", "Committee assessment"),
            ("done", "Validated"),
        ],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    line_ids = fields.One2many("smart_kids.evaluation.line", "evaluation_id", string="Indicators")
    self_assessed_by = fields.Many2one("res.users", readonly=True)
    self_assessed_on = fields.Date(readonly=True)
    committee_user_ids = fields.Many2many("res.users", string="Committee", readonly=True)
    validated_on = fields.Date(readonly=True)
    committee_note = fields.Text()
    score_percent = fields.Float(
        string="Score (%)", compute="_compute_result", store=True, digits=(5, 1)
    )
    current_days_percent = fields.Float(
        string="Days Current (%)", compute="_compute_result", store=True, digits=(5, 1)
    )
    classification = fields.Selection(
        CLASSIFICATIONS, compute="_compute_result", store=True, string="Result"
    )
    in_use_since = fields.Date(
        string="Using Smart Kids Since",
        compute="_compute_in_use_since",
        help="The centre's first check-in recorded in Smart Kids.",
    )
    star_eligible = fields.Boolean(
        compute="_compute_stars", store=True, help="The centre has used Smart Kids for a year."
    )
    stars = fields.Integer(
        string="Star Rating", compute="_compute_stars", store=True, aggregator="avg"
    )
    stars_display = fields.Char(compute="_compute_stars_display", string="Stars")

    _sql_constraints = [
        ("round_centre_unique", "unique(round_id, centre_id)", "One evaluation per centre.")
    ]

    # ------------------------------------------------------------------
    # Result
    # ------------------------------------------------------------------
    @api.depends("line_ids.final_score", "line_ids.measured_percent")
    def _compute_result(self):
        current_min = self._param(CURRENT_PARAM, CURRENT_DEFAULT)
        for evaluation in self:
            lines = evaluation.line_ids
            scored = lines.filtered(lambda line: line.final_score)
            total = sum(int(line.final_score) for line in scored)
            evaluation.score_percent = 100.0 * total / (MAX_SCORE * len(lines)) if lines else 0.0
            freshness = lines.filtered(lambda line: line.indicator_id.measure == "data_freshness")
            evaluation.current_days_percent = freshness[:1].measured_percent
            complete = bool(lines) and all(
                line.final_score and line.final_score != "0" for line in lines
            )
            if not complete:
                evaluation.classification = "incomplete"
            elif freshness and evaluation.current_days_percent >= current_min:
                evaluation.classification = "complete_current"
            else:
                evaluation.classification = "complete_not_current"

    def _compute_in_use_since(self):
        first = self._first_checkins(self.centre_id)
        for evaluation in self:
            evaluation.in_use_since = first.get(evaluation.centre_id.id)

    @api.depends("state", "score_percent", "date_to", "centre_id")
    def _compute_stars(self):
        thresholds = {
            stars: self._param(STAR_PARAM % stars, default)
            for stars, default in STAR_DEFAULTS.items()
        }
        first = self._first_checkins(self.centre_id)
        for evaluation in self:
            since = first.get(evaluation.centre_id.id)
            evaluation.star_eligible = bool(
                since
                and evaluation.date_to
                and since + relativedelta(years=1) <= evaluation.date_to
            )
            stars = 0
            if evaluation.star_eligible and evaluation.state == "done":
                stars = 1
                for level, minimum in sorted(thresholds.items()):
                    if evaluation.score_percent >= minimum:
                        stars = level
            evaluation.stars = stars

    @api.depends("stars", "star_eligible", "state")
    def _compute_stars_display(self):
        for evaluation in self:
            if evaluation.stars:
                evaluation.stars_display = "★" * evaluation.stars + "☆" * (5 - evaluation.stars)
            elif not evaluation.star_eligible:
                evaluation.stars_display = self.env._("Not yet eligible (under a year of use)")
            else:
                evaluation.stars_display = self.env._("After validation")

    def _param(self, key, default):
        # installed with the defaults; Settings delete a parameter set to 0
        raw = self.env["ir.config_parameter"].sudo().get_param(key, default)
        return float(raw) if raw else 0.0

    def _first_checkins(self, centres):
        if not centres:
            return {}
        self.env["smart_kids.attendance"].flush_model(["centre_id", "date"])
        self.env.cr.execute(
            SQL(
                "SELECT centre_id, min(date) FROM smart_kids_attendance "
                "WHERE centre_id = ANY(%s) GROUP BY centre_id",
                centres.ids,
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _latest_done(self, centres):
        """The latest validated evaluation of each centre: {centre_id: evaluation}."""
        latest = {}
        for evaluation in self.search(
            [("centre_id", "in", centres.ids), ("state", "=", "done")], order="date_to desc"
        ):
            latest.setdefault(evaluation.centre_id.id, evaluation)
        return latest

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _score_from_data(self):
        """(Re)create the indicator lines and score those measured from the data."""
        self.check_access("write")
        indicators = self.env["smart_kids.indicator"].search([])
        # the lines belong to the evaluation: created as the server once it may be written
        Line = self.env["smart_kids.evaluation.line"].sudo()
        for evaluation in self:
            missing = indicators - evaluation.line_ids.indicator_id
            Line.create([{"evaluation_id": evaluation.id, "indicator_id": i.id} for i in missing])
        for evaluation_round in self.round_id:
            evaluations = self.filtered(lambda e, r=evaluation_round: e.round_id == r)
            self.env["smart_kids.centre.day"].sudo()._refresh_for_report(
                evaluation_round.date_from, evaluation_round.date_to, evaluations.centre_id
            )
            evaluations.line_ids._measure(
                evaluations.centre_id, evaluation_round.date_from, evaluation_round.date_to
            )

    def action_rescore(self):
        self._check_state("draft", "submitted")
        self._score_from_data()
        return True

    def action_submit(self):
        """The centre head submits the self-assessment to the committee."""
        self._check_state("draft")
        for evaluation in self:
            unscored = evaluation.line_ids.filtered(lambda line: not line.self_score)
            if unscored:
                raise UserError(
                    self.env._(
                        "Score every indicator before submitting. Not scored yet: %(names)s",
                        names=", ".join(unscored.indicator_id.mapped("name")),
                    )
                )
            no_evidence = evaluation.line_ids.filtered(
                lambda line: line.indicator_id.evidence_required and not line.attachment_ids
            )
            if no_evidence:
                raise UserError(
                    self.env._(
                        "Attach evidence to: %(names)s",
                        names=", ".join(no_evidence.indicator_id.mapped("name")),
                    )
                )
        self._scope_write_workflow(
            {
                "state": "submitted",
                "self_assessed_by": self.env.uid,
                "self_assessed_on": fields.Date.context_today(self),
            }
        )
        return True

    def action_validate(self):
        """The committee (district or province officers) validates the evaluation."""
        self._check_committee()
        self._check_state("submitted")
        for evaluation in self:
            for line in evaluation.line_ids.filtered(lambda line: not line.committee_score):
                line.committee_score = line.self_score
        self._scope_write_workflow(
            {
                "state": "done",
                "validated_on": fields.Date.context_today(self),
                "committee_user_ids": [fields.Command.link(self.env.uid)],
            }
        )
        return True

    def action_return_to_centre(self):
        self._check_committee()
        self._check_state("submitted", "done")
        self._scope_write_workflow({"state": "draft"})
        return True

    def _check_state(self, *states):
        for evaluation in self:
            if evaluation.state not in states:
                raise UserError(
                    self.env._(
                        "The evaluation of %(centre)s is %(state)s: this step is not possible.",
                        centre=evaluation.centre_id.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            evaluation.state
                        ],
                    )
                )

    def _check_committee(self):
        if not self.env.user.has_group(OFFICER_GROUP):
            raise UserError(
                self.env._("Only district or province officers can assess as the committee.")
            )

    def action_print_certificate(self):
        for evaluation in self:
            if evaluation.state != "done" or not evaluation.stars:
                raise UserError(
                    self.env._(
                        "%(centre)s has no star rating yet: the evaluation must be validated "
                        "and the centre must have used Smart Kids for a year.",
                        centre=evaluation.centre_id.name,
                    )
                )
        return self.env.ref("smart_kids_reports.action_report_certificate").report_action(self)
