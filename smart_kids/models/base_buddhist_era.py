"""Buddhist Era years in the date groups of every list, graph and pivot, for Thai users.

The web client shows dates with B.E. years (``static/src/l10n/buddhist_era.js``), but the
labels of date groups ("พฤศจิกายน 2026") are formatted by the server with babel, which only
knows the Gregorian calendar. Only the label changes: the group's range and domain stay C.E.
"""

import re

from odoo import models
from odoo.tools.misc import get_lang

from ..thai_format import BE_OFFSET

YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


class Base(models.AbstractModel):
    _inherit = "base"

    def _read_group_format_result(self, rows_dict, lazy_groupby):
        super()._read_group_format_result(rows_dict, lazy_groupby)
        if not get_lang(self.env).code.startswith("th"):
            return
        for group in lazy_groupby:
            field = self._fields.get(group.split(":")[0].split(".")[0])
            if not field or field.type not in ("date", "datetime"):
                continue
            for row in rows_dict:
                if (row.get("__range") or {}).get(group) and isinstance(row[group], str):
                    row[group] = YEAR.sub(lambda m: str(int(m[1]) + BE_OFFSET), row[group])
