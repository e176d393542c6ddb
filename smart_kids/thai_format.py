"""Dates and numbers as Thai official documents write them.

Buddhist Era years (B.E. = C.E. + 543) and full Thai month names, as in "21 พฤศจิกายน 2569".
Only used where the reader is Thai (reports, certificates); the web client keeps Odoo's
own date formats.
"""

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
BE_OFFSET = 543


def be_year(day):
    return day.year + BE_OFFSET


def thai_date(day, short=False):
    """21 พฤศจิกายน 2569 (or 21 พ.ย. 2569); empty for no date."""
    if not day:
        return ""
    months = MONTHS_SHORT if short else MONTHS
    return f"{day.day} {months[day.month - 1]} {be_year(day)}"


def thai_month(day):
    """พฤศจิกายน 2569"""
    return f"{MONTHS[day.month - 1]} {be_year(day)}" if day else ""


def number(value, digits=0):
    """1,234 or 95.5: thousands separated, no trailing noise."""
    if value is None or value is False:
        return "-"
    return f"{value:,.{digits}f}"


def percent(part, whole, digits=1):
    """Share of ``whole`` as a percentage string, '-' when there is nothing to divide."""
    if not whole:
        return "-"
    return f"{100.0 * part / whole:.{digits}f}%"
