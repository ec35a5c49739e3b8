"""EXPECT: fail
ACCEPT: error
FLAW: the reference answer imported with importlib and a computed module name (no import statement naming labs)

The same import hidden from a static policy: the module name is built at run time.
"""

import importlib

_mod = importlib.import_module(".".join(["la" + "bs", "practice", "ans" + "wers", 'lock_leak__safe_transfer']))
transfer = getattr(_mod, 'transfer')  # noqa: F811
