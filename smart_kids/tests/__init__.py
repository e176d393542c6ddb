from . import (
    test_access_rights,
    test_access_rpc,
    test_child,
    test_growth_measurement,
    test_import,
    test_translation,
    test_ui,
)
