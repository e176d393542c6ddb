from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import assert_no_english_on_thai_screens
from odoo.addons.smart_kids.tests.common import assert_thai_complete


@tagged("post_install", "-at_install")
class TestThaiTranslation(TransactionCase):
    def test_th_po_is_complete(self):
        assert_thai_complete(self, "smart_kids_line")

    def test_no_english_on_thai_screens(self):
        assert_no_english_on_thai_screens(self, "smart_kids_line")
