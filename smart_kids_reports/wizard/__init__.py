from . import report_xlsx
from . import smart_kids_report_wizard
