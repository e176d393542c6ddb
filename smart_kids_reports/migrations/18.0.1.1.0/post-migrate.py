"""What needs both the reports and LINE now lives in the bridge smart_kids_reports_line.
A new install brings it by itself (auto_install); an upgraded database with LINE installed
gets it here, so reminders and invitations keep going out on LINE."""

from odoo import SUPERUSER_ID
from odoo import api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Module = env["ir.module.module"]
    if Module.search_count([("name", "=", "smart_kids_line"), ("state", "=", "installed")]):
        Module.search(
            [("name", "=", "smart_kids_reports_line"), ("state", "=", "uninstalled")]
        ).button_install()
