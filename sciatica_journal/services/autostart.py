"""Starting the app at login (the opt-in "Keep running in the background"): on Linux and
the BSDs an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/sciatica-journal.desktop``
(``~/.config`` when the variable is unset), whose ``Exec`` starts the app with
``--background``. Other platforms have no such entry here: ``supported`` is False, and
the app keeps running in the background only once started."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from sciatica_journal import APP_ID, APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.services.file_writing import write_text

log = logging.getLogger(__name__)

BACKGROUND_FLAG = "--background"
MARK = "X-Sciatica-Journal-Autostart=true"  # this file is the app's own: it may remove it
XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")  # a word with one of these is quoted (XDG spec)


def exec_word(word: str) -> str:
    """One argument of an ``Exec`` line, quoted and escaped as the Desktop Entry
    Specification asks (then escaped again as a string value)."""
    word = word.replace("%", "%%")
    if word and not RESERVED & set(word):
        return word
    inner = "".join("\\" + c if c in '"`$\\' else c for c in word)
    return ('"' + inner + '"').replace("\\", "\\\\")


def entry_text(command: Sequence[str]) -> str:
    return "\n".join(
        (
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "Comment=" + _("Keeps the reminders for your exercises running after you log in"),
            "Exec=" + " ".join(exec_word(word) for word in command),
            f"Icon={APP_ID}",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            MARK,
            "",
        )
    )


class Autostart:
    """The autostart entry for ``command`` (the program and its arguments, without
    ``--background``, which is added); ``command`` None: nothing to start (the demo)."""

    def __init__(
        self,
        command: Sequence[str] | None,
        *,
        platform: str = sys.platform,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self._command = None if command is None else [*command, BACKGROUND_FLAG]
        self._platform = platform
        self._environ = environ

    @property
    def supported(self) -> bool:
        return self._command is not None and self._platform.startswith(XDG_PLATFORMS)

    @property
    def path(self) -> Path:
        config = self._environ.get("XDG_CONFIG_HOME", "")
        base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
        return base / "autostart" / f"{APP_ID}.desktop"

    def enabled(self) -> bool:
        """The app's own entry is there (another one of the same name is not touched)."""
        try:
            return MARK in self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False

    def apply(self, wanted: bool) -> bool:
        """Write the entry (again: the program may have moved) or remove it; True when the
        file is as wanted. A failure is logged, never raised: reminders work without it."""
        if not self.supported:
            return False
        assert self._command is not None
        try:
            if wanted:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_text(self.path, entry_text(self._command))
            elif self.enabled():
                self.path.unlink()
        except OSError as exc:
            log.warning(
                "the autostart entry could not be %s: %s",
                "written" if wanted else "removed",
                exc.strerror or type(exc).__name__,
            )
            return False
        return True

    def unsupported_reason(self) -> str:
        if self._command is None:
            return _("Starting at login is not set up for the example journal.")
        return _("Starting at login is not available on this system.")
