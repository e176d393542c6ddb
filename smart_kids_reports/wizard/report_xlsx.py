"""Spreadsheets of the executive summary and the attendance register (xlsxwriter, as Odoo)."""

import io

import xlsxwriter

from odoo.addons.smart_kids import thai_format

FONT = "TH Sarabun New"


def _workbook():
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    styles = {
        "title": workbook.add_format({"bold": True, "font_size": 16, "font_name": FONT}),
        "head": workbook.add_format(
            {"bold": True, "bg_color": "#FDF0E0", "border": 1, "font_name": FONT, "text_wrap": True}
        ),
        "text": workbook.add_format({"border": 1, "font_name": FONT}),
        "int": workbook.add_format({"border": 1, "font_name": FONT, "num_format": "#,##0"}),
        "pct": workbook.add_format({"border": 1, "font_name": FONT, "num_format": "0.0"}),
        "total": workbook.add_format(
            {"bold": True, "border": 1, "font_name": FONT, "num_format": "#,##0"}
        ),
    }
    return output, workbook, styles


def executive_summary_xlsx(env, area, date_from, date_to, summary):
    output, workbook, st = _workbook()
    sheet = workbook.add_worksheet(env._("Summary")[:31])
    sheet.write(0, 0, env._("Executive Summary"), st["title"])
    sheet.write(
        1,
        0,
        f"{area.display_name} · {thai_format.thai_date(date_from)} - "
        f"{thai_format.thai_date(date_to)}",
    )
    columns = [
        (env._("District"), lambda r: r["centre"].district_id.name or "", "text", 18),
        (env._("LAO"), lambda r: r["centre"].lao_id.name or "", "text", 24),
        (env._("Centre"), lambda r: r["centre"].name, "text", 30),
        (env._("School days"), lambda r: r["open_days"], "int", 10),
        # the summary's figures, as in the PDF (shares in %)
        *(
            (
                f"{label} (%)" if figure.kind == "pct" else label,
                lambda r, key=figure.key: r[key],
                figure.kind,
                12,
            )
            for figure, label in env["smart_kids.executive.summary"]._columns()
        ),
        (
            env._("Result"),
            lambda r: (
                dict(r["evaluation"]._fields["classification"]._description_selection(env)).get(
                    r["evaluation"].classification, ""
                )
                if r.get("evaluation")
                else ""
            ),
            "text",
            22,
        ),
        (env._("Stars"), lambda r: r["evaluation"].stars if r.get("evaluation") else 0, "int", 8),
    ]
    for col, (label, _get, _style, width) in enumerate(columns):
        sheet.write(3, col, label, st["head"])
        sheet.set_column(col, col, width)
    for row_index, row in enumerate(summary["rows"], start=4):
        for col, (_label, get, style, _width) in enumerate(columns):
            value = get(row)
            sheet.write(row_index, col, "" if value is None else value, st[style])
    total_row = 4 + len(summary["rows"])
    totals = summary["totals"]
    sheet.write(total_row, 2, env._("Total"), st["total"])
    # totals under the school days and the figures (not under the result and the stars)
    for col, (_label, get, _style, _width) in enumerate(columns[3:-2], start=3):
        value = get(totals)
        sheet.write(total_row, col, "" if value is None else value, st["total"])
    sheet.freeze_panes(4, 3)
    workbook.close()
    return output.getvalue()


def attendance_register_xlsx(env, registers):
    output, workbook, st = _workbook()
    for register in registers:
        centre = register["centre"]
        name = f"{centre.name}"[:28] or "-"
        sheet = workbook.add_worksheet(name.translate(str.maketrans("[]:*?/\\", "_______")))
        sheet.write(0, 0, env._("Monthly Attendance Register"), st["title"])
        sheet.write(1, 0, f"{centre.name} · {thai_format.thai_month(register['month'])}")
        sheet.write(3, 0, env._("Child"), st["head"])
        sheet.set_column(0, 0, 30)
        for col, day in enumerate(register["days"], start=1):
            sheet.write(3, col, day.day, st["head"])
        last = len(register["days"]) + 1
        sheet.write(3, last, env._("Present"), st["head"])
        for row_index, row in enumerate(register["rows"], start=4):
            sheet.write(row_index, 0, row["child"].name, st["text"])
            for col, mark in enumerate(row["marks"], start=1):
                sheet.write(row_index, col, mark, st["text"])
            sheet.write(row_index, last, row["present"], st["int"])
        total_row = 4 + len(register["rows"])
        sheet.write(total_row, 0, env._("Children present"), st["total"])
        for col, total in enumerate(register["day_totals"], start=1):
            sheet.write(total_row, col, total, st["total"])
        sheet.write(total_row, last, register["total_present"], st["total"])
        sheet.freeze_panes(4, 1)
    workbook.close()
    return output.getvalue()
