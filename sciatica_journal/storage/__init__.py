"""The journal on disk: peewee models, opening the SQLite file safely, migrations, backups.

peewee imports ``hashlib`` at its top but uses it only to name a long constraint: it is
imported here with a stand-in for ``hashlib`` that imports the real one when first used,
so the window does not carry OpenSSL's libcrypto (~3.5 MiB resident) from its start."""

import importlib
import sys
import types
from typing import Any


class _OnFirstUse(types.ModuleType):
    """A module that imports the real one of its name when an attribute is first asked."""

    def __getattr__(self, attribute: str) -> Any:
        if sys.modules.get(self.__name__) is self:  # asked while peewee is imported (Qt's
            raise AttributeError(attribute)  # import hook looks at every module's names)
        return getattr(importlib.import_module(self.__name__), attribute)


def _import_peewee() -> None:
    if "peewee" in sys.modules or "hashlib" in sys.modules:
        return
    stand_in = _OnFirstUse("hashlib")
    stand_in.__spec__ = None
    sys.modules["hashlib"] = stand_in
    try:
        import peewee  # noqa: F401
    finally:
        if sys.modules.get("hashlib") is stand_in:
            del sys.modules["hashlib"]  # whoever imports it next gets the real one


_import_peewee()
