from . import checkin
from . import kiosk
