from . import smart_kids_centre
from . import smart_kids_executive_summary
from . import smart_kids_freshness_reminder
from . import smart_kids_indicator
from . import smart_kids_line_trigger
