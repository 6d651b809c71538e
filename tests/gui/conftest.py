"""GUI fixtures: widgets are found by their accessible names, as a screen reader would."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def find(root: QWidget, name: str, kind: type[QWidget] = QWidget) -> QWidget:
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    matches = [w for w in matches if w.isVisibleTo(root)] or matches
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


def when_modal(qtbot, action: Callable[[QWidget], None], timeout: int = 5000) -> None:
    """Run ``action`` on the next modal dialog once it is up (for code that calls exec())."""

    def attempt(remaining: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            action(dialog)
        elif remaining > 0:
            QTimer.singleShot(20, lambda: attempt(remaining - 20))
        else:
            raise AssertionError("no modal dialog appeared")

    QTimer.singleShot(0, lambda: attempt(timeout))


@pytest.fixture
def named():
    return find


def add_wizard(qtbot, wizard) -> None:
    """Register a session wizard with qtbot. pytest-qt closes it after the test; a begun
    session would then ask whether to discard it, in a modal nobody answers."""

    def forget_the_session(shown) -> None:
        shown._touched = False

    qtbot.addWidget(wizard, before_close_func=forget_the_session)


@pytest.fixture(autouse=True)
def quiet_sessions(monkeypatch):
    """A session's guided set sounds into a recording sink, never the computer's speakers
    (a test that listens gives the window its own ``GuideSetup``)."""
    from sciatica_journal.gui import guide_sound
    from sciatica_journal.services.audio_output import RecordingSink
    from sciatica_journal.services.guide_player import open_player

    def recorded(preferences):
        player = open_player(guide_sound.audio_options(preferences), sink=RecordingSink())
        return player, player.notice

    monkeypatch.setattr(guide_sound, "open_guide_player", recorded)


@pytest.fixture
def german_window(qtbot, qapp, data_dir, clock):
    """The German journal's window in the app's own look (its stylesheet sets the large
    titles and names that need the room); the plain look again afterwards."""
    from sciatica_journal.gui.main_window import MainWindow
    from sciatica_journal.gui.theme import theme
    from tests.gui.german_journal import german_journal

    with german_journal(qapp, data_dir, clock) as services:
        theme().set_appearance(services.preferences.preferences().appearance)
        try:
            shown = MainWindow(services)
            qtbot.addWidget(shown)
            shown.show()
            qtbot.waitExposed(shown)
            yield shown
        finally:
            theme().reset()
