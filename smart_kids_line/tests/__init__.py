from . import test_outbox
from . import test_rules
from . import test_scope
from . import test_translation
from . import test_webhook
