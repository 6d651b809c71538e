"""The window shown while an older journal is updated (gui/journal_upgrade.py): it says so
while the update works, cannot be closed meanwhile, goes when it is done, hands on the
update's result or error, stays away for an update done at once, and reads in German and
in the dark."""

from __future__ import annotations

import os
import signal
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressBar, QWidget

from sciatica_journal.domain.preferences import Appearance
from sciatica_journal.gui.journal_upgrade import run_with_window
from sciatica_journal.gui.theme import theme
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.services import languages
from tests.contrast import unreadable
from tests.gui.conftest import find
from tests.gui.german_walk import english_left

NAME = "Updating your journal"


def _shown() -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.objectName() == "upgradeWindow":
            return widget
    return None


def _while_it_works(qtbot, look, seconds: float = 0.8, show_after_ms: int = 0):
    """Run a slow update with the window, ``look`` called with the window meanwhile."""
    seen: list[object] = []

    def peek() -> None:
        window = _shown()
        seen.append(window)
        if window is not None:
            look(window)

    QTimer.singleShot(300, peek)

    def work() -> str:
        time.sleep(seconds)
        return "updated"

    result = run_with_window(work, show_after_ms=show_after_ms)
    return result, seen


def test_the_window_says_the_journal_is_being_updated_and_stays_until_done(qtbot):
    found: dict[str, object] = {}

    def look(window: QWidget) -> None:
        found["name"] = window.accessibleName()
        found["bar"] = find(window, "Updating the journal", QProgressBar).isVisible()
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        window.close()
        found["after Esc and close"] = window.isVisible()

    result, seen = _while_it_works(qtbot, look)
    assert result == "updated"
    assert seen and seen[0] is not None, "no window while the update worked"
    assert found == {"name": NAME, "bar": True, "after Esc and close": True}
    assert _shown() is None  # gone once done


def test_an_update_done_at_once_shows_no_window(qtbot):
    result, _seen = _while_it_works(qtbot, lambda w: None, seconds=0.0, show_after_ms=400)
    qtbot.wait(500)
    assert result == "updated"
    assert _shown() is None


def test_the_updates_error_reaches_the_caller_and_the_window_goes(qtbot):
    def work() -> str:
        time.sleep(0.2)
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        run_with_window(work, show_after_ms=0)
    assert _shown() is None


def test_the_window_speaks_german(qtbot, qapp):
    languages.use_language("de")
    install_translators(qapp)
    texts: list[str] = []
    try:
        _while_it_works(qtbot, lambda w: texts.extend(english_left(w)))
    finally:
        languages.use_language("en")
        install_translators(qapp)
    assert texts == []


@pytest.mark.parametrize("appearance", [Appearance.LIGHT, Appearance.DARK], ids=["light", "dark"])
def test_the_window_reads_in_light_and_dark(qtbot, appearance):
    theme().set_appearance(appearance)
    findings: list[object] = []
    try:
        _while_it_works(qtbot, lambda w: findings.extend(unreadable(w)))
    finally:
        theme().reset()
    assert findings == []


def test_a_stop_asked_meanwhile_ends_the_app_only_once_the_update_is_done(qtbot):
    """SIGTERM (or Ctrl+C) while the update works: it finishes (all or nothing), then the
    app ends as it would before the window; the handlers before it are back."""
    finished: list[bool] = []
    before = signal.getsignal(signal.SIGTERM)

    def work() -> str:
        time.sleep(0.6)
        finished.append(True)
        return "updated"

    QTimer.singleShot(200, lambda: os.kill(os.getpid(), signal.SIGTERM))
    with pytest.raises(SystemExit):
        run_with_window(work, show_after_ms=0)
    assert finished == [True]
    assert signal.getsignal(signal.SIGTERM) is before
    assert _shown() is None
