from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class SmartKidsChildGuardian(models.Model):
    _inherit = "smart_kids.child.guardian"

    line_linked = fields.Boolean(string="On LINE", related="partner_id.line_link_active")

    def action_print_line_link_slip(self):
        """From the child's guardians, one click: a fresh link code and its slip to print
        (no detour through the contact form)."""
        self.ensure_one()
        partner = self.partner_id
        if partner.line_link_active:
            raise UserError(
                self.env._("%(name)s is already linked to LINE.", name=partner.display_name)
            )
        partner.action_new_line_link_code()
        if not partner.line_link_code_ids.filtered(lambda code: not code.used_at):
            raise UserError(
                self.env._(
                    "No LINE Official Account serves %(centre)s yet: an administrator connects "
                    "one (Configuration > LINE > Channels).",
                    centre=self.child_id.centre_id.display_name,
                )
            )
        return self.env.ref("smart_kids_line.line_link_code_report").report_action(partner)
