import io
import zipfile
from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import pdf_text
from odoo.addons.smart_kids.thai_format import thai_date
from odoo.addons.smart_kids.thai_format import thai_month

from .common import ReportsCommon

# pdftotext gives Thai fonts' positional glyphs as private-use code points (Microsoft's
# Thai PUA); map them back, recompose SARA AM, and drop the spaces layout inserts.
THAI_PUA = {
    **{0xF701 + i: ch for i, ch in enumerate("ิีึื")},
    **{0xF705 + i: ch for i, ch in enumerate("่้๊๋์")},
    **{0xF70A + i: ch for i, ch in enumerate("่้๊๋์")},
    **{0xF713 + i: ch for i, ch in enumerate("่้๊๋์")},
    **{0xF718 + i: ch for i, ch in enumerate("ฺุู")},
    0xF700: "ฐ",
    0xF70F: "ญ",
    0xF710: "ั",
    0xF711: "ํ",
    0xF712: "็",
}


# marks above and below the line: their order differs between PDF glyphs and Unicode
THAI_MARKS = dict.fromkeys([0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])


def thai_plain(text):
    text = text.translate(THAI_PUA).replace("\u0e33", "\u0e32").translate(THAI_MARKS)
    return "".join(text.split())


class ThaiText(str):
    """pdftotext output compared on Thai letters, whatever the glyph codes and spacing."""

    def __contains__(self, expected):
        return thai_plain(expected) in thai_plain(str(self))


@tagged("post_install", "-at_install")
class TestReports(HttpCase, ReportsCommon):
    """Real PDFs (wkhtmltopdf, forced in test mode), read back with pdftotext."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpReports()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(
            ["smart_kids", "smart_kids_reports"], ["th_TH"], overwrite=True
        )
        cls.centre_1.name = "ศพด.บ้านโนนสะอาด"
        cls.child_1.write({"first_name": "ภูมิใจ", "last_name": "ใจดี"})
        cls.env["smart_kids.growth.measurement"].create(
            {"child_id": cls.child_1.id, "date": cls.week[0], "weight": 14.2, "height": 96}
        )
        (cls.user_executive | cls.user_head | cls.user_province).write({"lang": "th_TH"})

    def _render(self, user, report, ids, data=None):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True, lang="th_TH")
            ._render_qweb_pdf(report, ids, data=data)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return ThaiText(pdf_text(pdf))

    def _summary_data(self, area):
        return {
            "area_id": area.id,
            "date_from": str(self.week[0]),
            "date_to": str(self.week[-1]),
        }

    def test_executive_summary_in_thai_with_only_the_readers_centres(self):
        text = self._render(
            self.user_executive,
            "smart_kids_reports.action_report_executive_summary",
            self.province.ids,
            self._summary_data(self.province),
        )
        self.assertIn("รายงานสรุปสำหรับผู้บริหาร", text)
        self.assertIn(thai_date(self.week[0]), text, "Buddhist Era date with a Thai month")
        self.assertIn(str(self.week[0].year + 543), text)
        self.assertIn("ศพด.บ้านโนนสะอาด", text)
        self.assertIn(self.centre_2.name, text)
        self.assertNotIn(self.centre_3.name, text, "another LAO: not for this executive")
        self.assertIn("100.0%", text, "centre 1 kept its data current every day")

        province_text = self._render(
            self.user_province,
            "smart_kids_reports.action_report_executive_summary",
            self.province.ids,
            self._summary_data(self.province),
        )
        self.assertIn(self.centre_3.name, province_text)
        self.assertNotIn(self.centre_4.name, province_text)

    def test_summary_counts_the_development_screenings_of_the_period(self):
        child = self.centre_1.child_ids[:1]
        Screening = self.env["smart_kids.dspm.screening"]
        Screening.create({"child_id": child.id, "date": self.week[0]})
        Screening.create({"child_id": child.id, "date": self.week[1], "result_fine_motor": "delay"})
        Screening.create({"child_id": child.id, "date": self.week[0] - timedelta(days=40)})
        Summary = self.env["smart_kids.executive.summary"].with_user(self.user_executive)
        summary = Summary._compute(self.lao_1, self.week[0], self.week[-1])
        row = next(r for r in summary["rows"] if r["centre"] == self.centre_1)
        self.assertEqual((row["dspm_screened"], row["dspm_delays"]), (2, 1), "this period only")
        self.assertEqual(summary["totals"]["dspm_delays"], 1)
        labels = [label for _figure, label in Summary._columns()]
        self.assertIn("สงสัยล่าช้า", labels, "in the reader's language")

    def test_attendance_register_marks_each_school_day(self):
        text = self._render(
            self.user_head,
            "smart_kids_reports.action_report_attendance_register",
            self.centre_1.ids,
            {"centre_ids": self.centre_1.ids, "month": str(self.week[0])},
        )
        self.assertIn("ทะเบียน", text)
        self.assertIn(thai_month(self.week[0]), text)
        row = next(line for line in text.splitlines() if "ภูมิใจ" in line)
        week_in_month = [d for d in self.week if d.month == self.week[0].month]
        self.assertGreaterEqual(row.count("/"), len(week_in_month))

    def test_register_blank_on_days_nothing_was_recorded(self):
        Register = self.env["report.smart_kids_reports.report_attendance_register"]
        # the month before the test week: the centre recorded nothing at all
        month_before = (self.week[0].replace(day=1) - timedelta(days=1)).replace(day=1)
        grid = Register._register_grid(self.centre_1, month_before)
        self.assertTrue(grid["days"] and grid["rows"])
        self.assertEqual({mark for row in grid["rows"] for mark in row["marks"]}, {""})
        self.assertEqual(grid["days_not_kept"], len(grid["days"]))
        # a day the centre kept: a child with no record is absent without notice
        absent_child = self._child(self.centre_1, "Nomark")
        absent_child.enrolment_date = self.week[0].replace(day=1)
        grid = Register._register_grid(self.centre_1, self.week[0].replace(day=1))
        row = next(r for r in grid["rows"] if r["child"] == absent_child)
        self.assertEqual(row["marks"][grid["days"].index(self.week[0])], "ข")

    def test_daily_report_child_profile_and_certificate_render_thai(self):
        day = self.day_of(self.centre_1, self.week[0])
        attendance = self.env["smart_kids.attendance"].search(
            [("child_id", "=", self.child_1.id), ("date", "=", self.week[0])]
        )
        attendance.write(
            {
                "check_out": attendance.check_in,
                "collector_name": "ลุงทอง",
                "collector_unauthorised": True,
                "override_reason": "แม่โทรมาแจ้ง",
            }
        )
        text = self._render(
            self.user_head, "smart_kids_reports.action_report_daily_centre", day.ids
        )
        self.assertIn("ภูมิใจ", text)
        self.assertIn(thai_date(self.week[0]), text)
        self.assertIn("ร้องเพลง", text)
        # a hand-over to an adult not on the list stands out, with the reason
        self.assertIn("ไม่อยู่ในรายชื่อ", text)
        self.assertIn("แม่โทรมาแจ้ง", text)

        text = self._render(
            self.user_head, "smart_kids_reports.action_report_child_profile", self.child_1.ids
        )
        self.assertIn("ภูมิใจ", text)
        self.assertIn("14.2", text)
        self.assertIn(thai_date(self.week[0], short=True), text)

        year_ago = self.week[0] - timedelta(days=400)
        self.env["smart_kids.attendance"].create(
            {
                "child_id": self.child_1.id,
                "centre_id": self.centre_1.id,
                "date": year_ago,
                "check_in": f"{year_ago} 01:00:00",
            }
        )
        evaluation = self.open_round(self.lao_1, self.centre_1)
        evaluation.line_ids.filtered(lambda line: not line.self_score).self_score = "5"
        evaluation.line_ids.attachment_ids = [(0, 0, {"name": "e.pdf", "datas": b"aGk="})]
        evaluation.action_submit()
        evaluation.with_user(self.user_province).action_validate()
        self.assertGreater(evaluation.stars, 0)
        text = self._render(
            self.user_province, "smart_kids_reports.action_report_certificate", evaluation.ids
        )
        self.assertIn("เกียรติบัตร", text)
        self.assertIn("ศพด.บ้านโนนสะอาด", text)

    def test_xlsx_exports_hold_the_same_figures(self):
        Wizard = self.env["smart_kids.report.wizard"].with_user(self.user_executive)
        wizard = Wizard.create(
            {
                "report": "summary",
                "area_id": self.province.id,
                "date_from": self.week[0],
                "date_to": self.week[-1],
            }
        )
        action = wizard.action_export_xlsx()
        self.assertIn("/web/content/", action["url"])
        strings = self._xlsx_strings(wizard.xlsx_attachment_id.raw)
        self.assertIn("ศพด.บ้านโนนสะอาด", strings)
        self.assertNotIn(self.centre_3.name, strings)
        # every figure of the summary is a column, under its label in the reader's language
        Summary = self.env["smart_kids.executive.summary"].with_user(self.user_executive)
        for _figure, label in Summary._columns():
            self.assertIn(label, strings)

        wizard = Wizard.create(
            {"report": "register", "centre_id": self.centre_1.id, "date": self.week[0]}
        )
        wizard.action_export_xlsx()
        self.assertIn("ภูมิใจ ใจดี", self._xlsx_strings(wizard.xlsx_attachment_id.raw))

        self.authenticate("sk_executive", "sk_executive-password")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"), "an xlsx (zip) download")

    def _xlsx_strings(self, data):
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return book.read("xl/sharedStrings.xml").decode()

    def test_print_dialog_prints_each_report_and_refuses_bad_input(self):
        Wizard = self.env["smart_kids.report.wizard"].with_user(self.user_executive)
        with Form(Wizard) as dialog:
            self.assertEqual(dialog.area_id, self.lao_1, "the executive's own LAO by default")
            dialog.report = "register"
            dialog.centre_id = self.centre_1
            dialog.date = self.week[0]
        action = dialog.record.action_print()
        self.assertEqual(action["report_name"], "smart_kids_reports.report_attendance_register")
        self.assertEqual(action["data"]["centre_ids"], self.centre_1.ids)

        daily = Wizard.create({"report": "daily", "centre_id": self.centre_1.id})
        daily.date = self.week[1]
        action = daily.action_print()
        self.assertEqual(action["report_name"], "smart_kids_reports.report_daily_centre")
        with self.assertRaisesRegex(UserError, "printed only"):
            daily.action_export_xlsx()

        backwards = Wizard.create(
            {
                "report": "summary",
                "area_id": self.lao_1.id,
                "date_from": self.week[-1],
                "date_to": self.week[0],
            }
        )
        with self.assertRaisesRegex(UserError, "start before its end"):
            backwards.action_print()
        self.assertFalse(backwards.xlsx_attachment_id)
