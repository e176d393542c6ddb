from . import test_alert
from . import test_rear_qr
from . import test_scope
from . import test_translation
from . import test_trip
from . import test_ui
