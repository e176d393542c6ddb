from . import smart_kids_hooks
from . import smart_kids_line_trigger
