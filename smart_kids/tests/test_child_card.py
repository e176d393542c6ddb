from odoo.tests import HttpCase
from odoo.tests import tagged

from .common import SmartKidsCommon
from .common import pdf_text


@tagged("post_install", "-at_install")
class TestChildCards(HttpCase, SmartKidsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpSmartKids()
        cls.child_1.write({"first_name": "ภูมิใจ", "last_name": "ศรีสุข", "nickname": "ภูมิ"})

    def test_cards_render_as_pdf_with_thai_text(self):
        report = self.env.ref("smart_kids.smart_kids_child_card_report")
        children = self.child_1 | self._child(self.centre_1, "Second")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_teacher)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, children.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = pdf_text(pdf)
        self.assertIn("ภูมิใจ", text, "Thai renders as text, not as empty boxes")
        self.assertIn("Smart Kids", text)
        self.assertIn("Ban Non Sa-at", text)
