import csv
import io
import os

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import SmartKidsCase

TEMPLATES = os.path.join(os.path.dirname(__file__), "..", "..", "data")
IMPORT_OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "date_format": "%Y-%m-%d",
    "encoding": "utf-8",
}


@tagged("post_install", "-at_install")
class TestImportTemplates(SmartKidsCase):
    """The templates in data/ import through Odoo's own import, as a centre head would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a Thai LAO imports with Thai labels ("เด็กชาย"): load the Thai translation
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(["smart_kids"], ["th_TH"])
        cls.centre_1.name = "ศพด.บ้านโนนสะอาด"

    def _import(self, model, template, user, adapt=None):
        with open(os.path.join(TEMPLATES, template), encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        if adapt:
            body = [adapt(dict(zip(header, row, strict=True))) for row in body]
            body = [[row[column] for column in header] for row in body]
        out = io.StringIO()
        csv.writer(out).writerows([header, *body])
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create({"res_model": model, "file": out.getvalue().encode(), "file_type": "text/csv"})
        )
        # like ticking "create if missing" for guardians in the import screen
        options = dict(IMPORT_OPTIONS, name_create_enabled_fields={"guardian_ids/partner_id": True})
        return wizard.execute_import(header, header, options)

    def test_child_template(self):
        today = fields.Date.today()

        def recent_birth_date(row):
            # the template's example dates age; keep the children of centre age
            if row["birth_date"]:
                row["birth_date"] = str(today - relativedelta(years=3))
            # example guardians may share a name with demo contacts: keep them apart
            row["guardian_ids/partner_id"] += " (ทดสอบ)"
            return row

        result = self._import(
            "smart_kids.child",
            "smart_kids_child_import_template.csv",
            self.user_head,
            recent_birth_date,
        )
        self.assertFalse(result["messages"], result["messages"])
        children = self.env["smart_kids.child"].browse(result["ids"])
        self.assertEqual(len(children), 2)
        first = children.filtered(lambda c: c.national_id == "1101700230708")
        self.assertEqual(first.title, "boy")
        self.assertEqual(first.centre_id, self.centre_1)
        self.assertEqual(sorted(first.guardian_ids.mapped("relationship")), ["father", "mother"])
        self.assertEqual(first.guardian_ids.filtered("is_primary").relationship, "mother")

    def test_child_template_rejects_bad_rows_whole(self):

        def broken_id(row):
            if row["national_id"]:
                row["national_id"] = "1101700230706"
            return row

        before = self.env["smart_kids.child"].search_count([])
        result = self._import(
            "smart_kids.child", "smart_kids_child_import_template.csv", self.user_head, broken_id
        )
        self.assertTrue(result["messages"])
        self.assertFalse(result["ids"])
        self.assertEqual(self.env["smart_kids.child"].search_count([]), before)

    def test_teacher_template(self):
        result = self._import(
            "smart_kids.teacher", "smart_kids_teacher_import_template.csv", self.user_head
        )
        self.assertFalse(result["messages"], result["messages"])
        teachers = self.env["smart_kids.teacher"].browse(result["ids"])
        self.assertEqual(teachers.mapped("position"), ["caregiver", "head"])
        self.assertEqual(teachers.centre_ids, self.centre_1)
