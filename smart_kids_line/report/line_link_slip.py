from odoo import api
from odoo import models
from odoo.exceptions import AccessError

from odoo.addons.smart_kids.thai_format import thai_date


class ReportLineLinkSlip(models.AbstractModel):
    """The LINE link slip carries a guardian's single-use code: it is printed only by the
    teachers of that guardian's children (the report route itself checks no group)."""

    _name = "report.smart_kids_line.line_link_slip"
    _description = "LINE Link Slip"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        if not self.env.user.has_group("smart_kids.smart_kids_group_teacher"):
            raise AccessError(self.env._("Only the centre's teachers print LINE link slips."))
        partners.check_access("write")
        if any(not partner.smart_kids_guardian_ids for partner in partners):
            raise AccessError(self.env._("LINE link slips are printed for guardians only."))
        # the OA to add as a friend: its name and QR code are public, the channel's other
        # fields are the administrators'
        channels = {
            partner.id: partner.line_link_code_ids.filtered(lambda c: not c.used_at)[
                :1
            ].channel_id.sudo()
            for partner in partners
        }
        return {
            "doc_ids": partners.ids,
            "doc_model": "res.partner",
            "docs": partners,
            "slip_channels": channels,
            "thai_date": thai_date,
        }
