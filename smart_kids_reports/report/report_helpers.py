"""What every Smart Kids report template gets: Thai dates and numbers, the print date."""

from odoo import fields

from .. import thai_format


def thai_values(env):
    today = fields.Date.context_today(env.user)
    return {
        "thai_date": thai_format.thai_date,
        "thai_month": thai_format.thai_month,
        "be_year": thai_format.be_year,
        "fmt_number": thai_format.number,
        "fmt_percent": thai_format.percent,
        "printed_on": thai_format.thai_date(today),
        "printed_by": env.user.name,
        "local_time": lambda centre, dt: centre._local_time_str(dt) if dt else "",
        "selection_label": lambda record, field: dict(
            record._fields[field]._description_selection(record.env)
        ).get(record[field], ""),
    }
