from . import report_attendance_register
from . import report_certificate
from . import report_child_profile
from . import report_daily_centre
from . import report_executive_summary
from . import report_helpers
