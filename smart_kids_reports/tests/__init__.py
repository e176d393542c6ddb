from . import test_access
from . import test_centre_day
from . import test_evaluation
from . import test_reminders
from . import test_reports
from . import test_satisfaction
from . import test_scope
from . import test_ui
