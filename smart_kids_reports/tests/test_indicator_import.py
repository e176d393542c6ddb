import os

from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import SmartKidsCase

TEMPLATE = os.path.join(
    os.path.dirname(__file__), "..", "..", "data", "smart_kids_indicator_import_template.csv"
)


@tagged("post_install", "-at_install")
class TestIndicatorImport(SmartKidsCase):
    """A province loads its own indicators from a CSV through Odoo's import (data, not code)."""

    def _import(self, user):
        with open(TEMPLATE, "rb") as handle:
            content = handle.read()
        header = content.decode().splitlines()[0].split(",")
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create({"res_model": "smart_kids.indicator", "file": content, "file_type": "text/csv"})
        )
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        return wizard.execute_import(header, header, options)

    def test_the_administrator_imports_the_province_list(self):
        result = self._import(self.user_admin)
        self.assertFalse(result["messages"], result["messages"])
        Indicator = self.env["smart_kids.indicator"]
        imported = Indicator.search([("code", "in", ("P01", "P02", "P03"))])
        self.assertEqual(len(imported), 3)
        vaccines = imported.filtered(lambda i: i.code == "P01")
        self.assertEqual((vaccines.method, vaccines.measure), ("auto", "vaccination"))
        self.assertTrue(imported.filtered(lambda i: i.code == "P02").evidence_required)

    def test_nobody_else_imports_indicators(self):
        result = self._import(self.user_province)
        self.assertTrue(result["messages"], "refused")
        self.assertFalse(self.env["smart_kids.indicator"].search([("code", "=", "P01")]))
