"""Dates and numbers as Thai official documents write them.

Buddhist Era years (B.E. = C.E. + 543) and full Thai month names, as in "21 พฤศจิกายน 2569".
Only used where the reader is Thai (reports, certificates); the web client shows B.E. through
static/src/l10n/buddhist_era.js. And Thai line breaking for the PDFs.
"""

import re
from itertools import pairwise

from pythainlp.tokenize import word_tokenize

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


THAI = re.compile(r"[\u0e00-\u0e7f]")
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
ZERO_WIDTH_SPACE = "\u200b"


def thai_line_breaks(html):
    """``html`` with a zero-width space between Thai words in its text (not in its tags, nor
    next to anything but Thai, so entities stay whole): wkhtmltopdf breaks Thai lines only
    there, instead of in the middle of a word."""
    parts = TAG_OR_TEXT.split(html)
    for index in range(0, len(parts), 2):  # the even parts are text between tags
        if THAI.search(parts[index]):
            words = word_tokenize(parts[index], engine="newmm", keep_whitespace=True)
            out = words[:1]
            for before, word in pairwise(words):
                if THAI.match(before[-1:]) and THAI.match(word[:1]):
                    out.append(ZERO_WIDTH_SPACE)
                out.append(word)
            parts[index] = "".join(out)
    return "".join(parts)
