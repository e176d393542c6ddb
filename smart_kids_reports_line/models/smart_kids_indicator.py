from odoo import models
from odoo.tools import SQL


class SmartKidsIndicator(models.Model):
    _inherit = "smart_kids.indicator"

    def _measure_guardians_linked(self, centres, date_from, date_to):
        """Share of the enrolled children's guardians who are linked to LINE."""
        return self._fetch_shares(
            SQL(
                """
SELECT ch.centre_id, count(DISTINCT p.id) FILTER (WHERE p.line_link_active), count(DISTINCT p.id)
  FROM smart_kids_child ch
  JOIN smart_kids_child_guardian g ON g.child_id = ch.id
  JOIN res_partner p ON p.id = g.partner_id
 WHERE ch.centre_id = ANY(%s) AND ch.state = 'enrolled' AND ch.active IS NOT FALSE
 GROUP BY ch.centre_id""",
                centres.ids,
            )
        )
