from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from .report_xlsx import attendance_register_xlsx
from .report_xlsx import executive_summary_xlsx

MAX_SUMMARY_DAYS = 366
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SmartKidsReportWizard(models.TransientModel):
    """Print or export: daily centre report, monthly register, executive summary."""

    _name = "smart_kids.report.wizard"
    _description = "Smart Kids Reports"

    report = fields.Selection(
        [
            ("summary", "Executive summary"),
            ("register", "Monthly attendance register"),
            ("daily", "Daily centre report"),
        ],
        required=True,
        default="summary",
    )
    area_id = fields.Many2one(
        "smart_kids.area",
        string="LAO, District or Province",
        domain="[('area_type', 'in', ('province', 'district', 'lao'))]",
        default=lambda self: self._default_area(),
    )
    centre_id = fields.Many2one("smart_kids.centre", string="Centre")
    classroom_id = fields.Many2one("smart_kids.classroom", domain="[('centre_id', '=', centre_id)]")
    date = fields.Date(default=lambda self: self.env["smart_kids.centre"]._today())
    date_from = fields.Date(
        string="From", default=lambda self: self.env["smart_kids.centre"]._today().replace(day=1)
    )
    date_to = fields.Date(string="To", default=lambda self: self.env["smart_kids.centre"]._today())
    xlsx_attachment_id = fields.Many2one("ir.attachment", readonly=True)

    @api.model
    def _default_area(self):
        areas = self.env.user.smart_kids_scope_area_ids.filtered(lambda a: a.area_type != "centre")
        return areas[:1]

    def _check_inputs(self):
        self.ensure_one()
        if self.report == "summary":
            if not self.area_id:
                raise UserError(self.env._("Choose the LAO, district or province to summarise."))
            if not self.date_from or not self.date_to or self.date_from > self.date_to:
                raise UserError(self.env._("The period must have a start before its end."))
            if (self.date_to - self.date_from).days > MAX_SUMMARY_DAYS:
                raise UserError(self.env._("A summary covers at most a year."))
        elif not self.centre_id:
            raise UserError(self.env._("Choose the centre."))

    def _summary_data(self):
        return {
            "area_id": self.area_id.id,
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }

    def _register_data(self):
        return {
            "centre_ids": self.centre_id.ids,
            "classroom_id": self.classroom_id.id,
            "month": fields.Date.to_string(self.date or self.env["smart_kids.centre"]._today()),
        }

    def action_print(self):
        self._check_inputs()
        if self.report == "summary":
            return self.env.ref("smart_kids_reports.action_report_executive_summary").report_action(
                self.area_id, data=self._summary_data()
            )
        if self.report == "register":
            return self.env.ref(
                "smart_kids_reports.action_report_attendance_register"
            ).report_action(self.centre_id, data=self._register_data())
        Day = self.env["smart_kids.centre.day"]
        Day.sudo()._refresh(self.date, self.date, self.centre_id)
        day = Day.search([("centre_id", "=", self.centre_id.id), ("date", "=", self.date)])
        if not day:
            raise UserError(self.env._("There is nothing to report for that day yet."))
        return self.env.ref("smart_kids_reports.action_report_daily_centre").report_action(day)

    def action_export_xlsx(self):
        self._check_inputs()
        if self.report == "summary":
            summary = self.env["smart_kids.executive.summary"]._compute(
                self.area_id, self.date_from, self.date_to
            )
            content = executive_summary_xlsx(
                self.env, self.area_id, self.date_from, self.date_to, summary
            )
            name = f"executive-summary-{self.date_from}-{self.date_to}.xlsx"
        elif self.report == "register":
            Register = self.env["report.smart_kids_reports.report_attendance_register"]
            values = Register._get_report_values(self.centre_id.ids, self._register_data())
            content = attendance_register_xlsx(self.env, values["registers"])
            name = f"attendance-register-{self.date:%Y-%m}.xlsx"
        else:
            raise UserError(self.env._("The daily centre report is printed only."))
        self.xlsx_attachment_id = self.env["ir.attachment"].create(
            {
                "name": name,
                "raw": content,
                "mimetype": XLSX_MIMETYPE,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.xlsx_attachment_id.id}?download=true",
            "target": "self",
        }
