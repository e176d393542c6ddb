from . import smart_kids_centre
from . import smart_kids_currency_reminder
from . import smart_kids_executive_summary
from . import smart_kids_indicator
from . import smart_kids_line_rule
