from . import test_translation
from . import test_vans_on_line
