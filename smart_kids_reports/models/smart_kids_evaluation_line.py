"""One indicator of one evaluation: measured share, self score, committee score, evidence."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from .smart_kids_indicator import SCORES
from .smart_kids_indicator import score_of_ratio

OFFICER_GROUP = "smart_kids.smart_kids_group_district_officer"


class SmartKidsEvaluationLine(models.Model):
    _name = "smart_kids.evaluation.line"
    _description = "Evaluation Indicator Score"
    _inherit = ["smart_kids.scoped.mixin"]
    _scope_workflow_fields = ("evaluation_id",)
    _order = "sequence, id"

    evaluation_id = fields.Many2one(
        "smart_kids.evaluation", required=True, ondelete="cascade", index=True
    )
    centre_id = fields.Many2one(related="evaluation_id.centre_id", store=True, index=True)
    indicator_id = fields.Many2one("smart_kids.indicator", required=True, readonly=True)
    sequence = fields.Integer(related="indicator_id.sequence", store=True)
    method = fields.Selection(related="indicator_id.method")
    measured_percent = fields.Float(string="Measured (%)", digits=(5, 1), readonly=True)
    measured = fields.Boolean(readonly=True, help="The data gave a measure for this indicator.")
    auto_score = fields.Selection(SCORES, string="From the Data", readonly=True)
    self_score = fields.Selection(SCORES, string="Self-assessment")
    committee_score = fields.Selection(SCORES, string="Committee")
    final_score = fields.Selection(SCORES, compute="_compute_final_score", store=True)
    note = fields.Char()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")

    @api.depends("auto_score", "self_score", "committee_score")
    def _compute_final_score(self):
        for line in self:
            line.final_score = line.committee_score or line.self_score or line.auto_score

    def _measure(self, centres, date_from, date_to):
        """Measure every indicator scored from the data; the head's score starts from it."""
        Indicator = self.env["smart_kids.indicator"]
        measured = self.filtered(lambda line: line.indicator_id.method == "auto")
        for measure in set(measured.indicator_id.mapped("measure")):
            shares = Indicator._measure(measure, centres, date_from, date_to)
            for line in measured.filtered(lambda line, m=measure: line.indicator_id.measure == m):
                share = shares.get(line.centre_id.id)
                score = score_of_ratio(share)
                vals = {
                    "measured": share is not None,
                    "measured_percent": round(100 * share, 1) if share is not None else 0.0,
                    "auto_score": score,
                }
                if line.evaluation_id.state == "draft" and score and not line.self_score:
                    vals["self_score"] = score
                line._scope_write_workflow(vals)

    def write(self, vals):
        if "committee_score" in vals and not self.env.user.has_group(OFFICER_GROUP):
            raise UserError(self.env._("Only the committee can give committee scores."))
        if {"self_score", "attachment_ids", "note"} & set(vals) and not self.env.su:
            officer = self.env.user.has_group(OFFICER_GROUP)
            locked = self.filtered(
                lambda line: (
                    line.evaluation_id.state == "done"
                    or (line.evaluation_id.state == "submitted" and not officer)
                )
            )
            if locked:
                raise UserError(
                    self.env._(
                        "This evaluation is with the committee or validated: it can no longer be "
                        "changed by the centre."
                    )
                )
        return super().write(vals)
