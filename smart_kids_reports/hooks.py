from datetime import timedelta

from odoo import fields

HISTORY_DAYS = 62


def post_init_hook(env):
    """Fill the monitoring table for the last two months, so trends show from day one."""
    today = fields.Date.today()
    env["smart_kids.centre.day"].sudo()._refresh(today - timedelta(days=HISTORY_DAYS), today)
