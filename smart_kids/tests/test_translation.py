from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from .common import assert_no_english_on_thai_screens
from .common import assert_thai_complete


@tagged("post_install", "-at_install")
class TestThaiTranslation(TransactionCase):
    def test_th_po_is_complete(self):
        assert_thai_complete(self, "smart_kids")

    def test_no_english_on_thai_screens(self):
        assert_no_english_on_thai_screens(self, "smart_kids")

    def test_thai_user_gets_thai_labels_and_errors(self):
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(["smart_kids"], ["th_TH"], overwrite=True)
        env_th = self.env(context={"lang": "th_TH"})
        Child = env_th["smart_kids.child"]
        labels = dict(Child._fields["title"]._description_selection(env_th))
        self.assertEqual(labels["boy"], "เด็กชาย")
        self.assertEqual(
            Child._fields["national_id"]._description_string(env_th), "เลขประจำตัวประชาชน"
        )
        Area = env_th["smart_kids.area"]
        province = Area.create({"name": "P", "area_type": "province"})
        lao = Area.create({"name": "L", "area_type": "lao", "parent_id": province.id})
        centre = env_th["smart_kids.centre"].create({"name": "C", "lao_id": lao.id})
        with self.assertRaisesRegex(ValidationError, "เลขประจำตัวประชาชน"):
            Child.create(
                {
                    "title": "boy",
                    "first_name": "ก",
                    "last_name": "ข",
                    "birth_date": fields.Date.today() - relativedelta(years=3),
                    "national_id": "1234567890123",
                    "centre_id": centre.id,
                }
            )

    def test_date_groups_are_labelled_in_buddhist_era_for_thai_users(self):
        """Graphs, pivots and grouped lists label their date groups with B.E. years for a
        Thai user (babel knows only C.E.); the groups still select C.E. dates."""
        self.env["res.lang"]._activate_lang("th_TH")
        Area = self.env["smart_kids.area"]
        province = Area.create({"name": "P", "area_type": "province"})
        lao = Area.create({"name": "L", "area_type": "lao", "parent_id": province.id})
        centre = self.env["smart_kids.centre"].create({"name": "C", "lao_id": lao.id})
        self.env["smart_kids.day.activity"].create(
            {
                "centre_id": centre.id,
                "date": "2026-11-02",
                "name": "Songs",
                "development_domain": "social",
            }
        )
        domain = [("centre_id", "=", centre.id)]
        Activity = self.env["smart_kids.day.activity"]
        for lang, groupby, label in (
            ("th_TH", "date:month", "พฤศจิกายน 2569"),
            ("th_TH", "date:day", "02 พ.ย. 2569"),
            ("th_TH", "date:year", "2569"),
            ("en_US", "date:month", "November 2026"),
        ):
            with self.subTest(lang=lang, groupby=groupby):
                [group] = Activity.with_context(lang=lang).read_group(domain, ["name"], [groupby])
                self.assertEqual(group[groupby], label)
                self.assertTrue(group["__range"][groupby]["from"].startswith("2026-"))
