from . import test_reports_on_line
from . import test_translation
