from odoo.tests import HttpCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import assert_secret_unique
from odoo.addons.smart_kids.tests.common import pdf_text

from .common import TransportCommon


@tagged("post_install", "-at_install")
class TestRearQrSticker(HttpCase, TransportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpTransport()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(["smart_kids_transport"], ["th_TH"])

    def test_the_head_prints_the_sticker_in_thai_and_it_ends_a_trip(self):
        report = self.env.ref("smart_kids_transport.report_rear_qr")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_head)
            .with_context(force_report_rendering=True, lang="th_TH")
            ._render_qweb_pdf(report, self.van_1.ids)
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Van 1", text)
        self.assertIn("นข 1234", text, "the plate in Thai renders as text")
        self.assertIn("ตรวจทุกที่นั่ง", text, "the instruction is in Thai")
        # the printed code is the van's current rear code
        self.assertTrue(self.van_1._is_rear_code(self.rear_1))
        self.van_1.with_user(self.user_head).action_regenerate_rear_code()
        self.assertFalse(self.van_1._is_rear_code(self.rear_1), "the old sticker stops working")
        assert_secret_unique(self, self.van_1, self.van_2, "rear_token")
