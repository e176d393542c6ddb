"""An evaluation round: one period, one province or district, an evaluation per centre."""

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class SmartKidsEvaluationRound(models.Model):
    _name = "smart_kids.evaluation.round"
    _description = "Evaluation Round"
    _inherit = ["smart_kids.scoped.mixin", "mail.thread"]
    _scope_workflow_fields = ("state",)
    _order = "date_to desc, id desc"

    name = fields.Char(required=True, tracking=True)
    area_id = fields.Many2one(
        "smart_kids.area",
        string="Province or District",
        required=True,
        domain="[('area_type', 'in', ('province', 'district', 'lao'))]",
        index=True,
    )
    date_from = fields.Date(string="Period From", required=True)
    date_to = fields.Date(string="Period To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )
    evaluation_ids = fields.One2many("smart_kids.evaluation", "round_id", string="Evaluations")
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")

    _sql_constraints = [
        ("period_order", "CHECK(date_from <= date_to)", "The period must end after it starts.")
    ]

    @api.depends("evaluation_ids")
    def _compute_evaluation_count(self):
        for evaluation_round in self:
            evaluation_round.evaluation_count = len(evaluation_round.evaluation_ids)

    def action_open(self):
        """Create an evaluation, with its indicators scored from the data, per centre."""
        for evaluation_round in self:
            if evaluation_round.state != "draft":
                raise UserError(self.env._("Only a draft round can be opened."))
            centres = self.env["smart_kids.centre"].search(
                [("area_id", "child_of", evaluation_round.area_id.ids)]
            )
            if not centres:
                raise UserError(
                    self.env._(
                        "There is no centre in %(area)s to evaluate.",
                        area=evaluation_round.area_id.display_name,
                    )
                )
            evaluation_round.check_access("write")
            # one evaluation per centre of the round's area, made by the round itself
            evaluations = (
                self.env["smart_kids.evaluation"]
                .sudo()
                .create(
                    [
                        {"round_id": evaluation_round.id, "centre_id": centre.id}
                        for centre in centres - evaluation_round.evaluation_ids.centre_id
                    ]
                )
            )
            evaluations.with_env(self.env)._score_from_data()
            evaluation_round._scope_write_workflow({"state": "open"})
        return True

    def action_close(self):
        for evaluation_round in self:
            pending = evaluation_round.evaluation_ids.filtered(lambda e: e.state != "done")
            if pending:
                raise UserError(
                    self.env._(
                        "%(count)s evaluations are not validated yet: %(centres)s",
                        count=len(pending),
                        centres=", ".join(pending[:5].centre_id.mapped("name")),
                    )
                )
            evaluation_round._scope_write_workflow({"state": "closed"})
        return True

    def action_view_evaluations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "smart_kids_reports.smart_kids_evaluation_action"
        )
        action["domain"] = [("round_id", "in", self.ids)]
        action["context"] = {"default_round_id": self.id}
        return action
