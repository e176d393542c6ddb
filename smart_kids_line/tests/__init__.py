from . import test_channel_breaker
from . import test_guardian_messages
from . import test_outbox
from . import test_scope
from . import test_sibling_interleavings
from . import test_translation
from . import test_triggers
from . import test_webhook
