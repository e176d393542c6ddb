from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.thai_format import ZERO_WIDTH_SPACE
from odoo.addons.smart_kids.thai_format import thai_line_breaks


@tagged("post_install", "-at_install")
class TestThaiLineBreaks(TransactionCase):
    """wkhtmltopdf breaks Thai lines only where told: between words, never inside one."""

    def test_breaks_between_thai_words_only_in_text(self):
        html = '<td title="อาหารกลางวัน">อาหารกลางวัน &amp; ผู้ปกครอง</td><p>Lunch: 12 คน</p>'
        out = thai_line_breaks(html)
        self.assertEqual(out.replace(ZERO_WIDTH_SPACE, ""), html, "nothing else changes")
        self.assertIn('title="อาหารกลางวัน"', out, "attributes untouched")
        self.assertIn("&amp;", out, "entities whole")
        # the audit's "อาหารกลาง|วัน": one word, never cut
        self.assertIn(">อาหารกลางวัน &amp;", out)
        self.assertIn("ผู้ปกครอง", out)
        self.assertIn("Lunch: 12 คน", out, "no break next to Latin letters or digits")

    def test_the_survey_title_breaks_at_words(self):
        title = "แบบสำรวจความพึงพอใจของผู้ปกครองต่อศูนย์พัฒนาเด็กเล็ก"
        words = thai_line_breaks(title).split(ZERO_WIDTH_SPACE)
        self.assertIn("ผู้ปกครอง", words)
        self.assertIn("พัฒนา", words)
        self.assertEqual(len(words), 9)
