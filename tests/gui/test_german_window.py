"""The main window's own parts in German: the navigation, the sidebar's button, every menu
and its actions, the status bar's messages, Settings (with its Language choice), About,
and the dialogs shown when the journal cannot be opened or a write fails. Each is opened as
a user opens it, and checked word by word for English (``german_walk``).

The Language choice itself: choosing Deutsch in Settings is kept in the preferences and
said to take effect at the next start; Restart now opens the window again in it."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from sciatica_journal.domain import language
from sciatica_journal.domain.language import _
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.gui import application
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.theme import theme
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.services import languages
from sciatica_journal.services.container import Services, build_services
from tests.gui.conftest import find, when_modal
from tests.gui.german_walk import english_words, texts


@pytest.fixture
def german(qapp, data_dir, clock) -> Iterator[Services]:
    """A set-up journal whose Settings say German, opened as the app opens it."""
    first = build_services(data_dir, clock)
    first.profiles.accept_disclaimer()
    first.profiles.save(first.profiles.default_profile())
    first.preferences.save(Preferences(language="de"))
    first.close()
    services = build_services(data_dir, clock)
    install_translators(qapp)
    yield services
    services.close()
    languages.use_language("en")
    install_translators(qapp)


@pytest.fixture
def window(qtbot, german) -> MainWindow:
    shown = MainWindow(german)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def english_left(widget: QWidget, *paths: Path) -> list[str]:
    """As ``german_walk.english_left``, with the folders ``paths`` (named by the test run,
    not by the app) left out of the texts."""
    found = []
    for where, text in texts(widget):
        for path in sorted(map(str, paths), key=len, reverse=True):
            text = (text or "").replace(path, " ")
        words = english_words(text or "")
        if words:
            found.append(f"{where}: {text!r} ({', '.join(sorted(set(words)))})")
    return sorted(set(found))


def _menu_texts(window: MainWindow) -> list[str]:
    found = []
    for top in window.menuBar().actions():
        found.append(top.text())
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found += [action.text() for action in menu.actions() if not action.isSeparator()]
    return found


def _english(texts: list[str]) -> list[str]:
    return [text for text in texts if english_words(text)]


def test_the_menus_follow_german_desktop_conventions(window):
    texts = _menu_texts(window)
    assert _english(texts) == []
    for wanted in (
        "&Datei",
        "&Bearbeiten",
        "&Hilfe",
        "&Einstellungen …",
        "&Beenden",
        "&Rückgängig",
        "&Wiederholen",
        "&Haftungshinweis",
        "Ü&ber Sciatica Journal",
    ):
        assert wanted in texts, (wanted, texts)
    # Each menu's access keys are its own: none is taken twice.
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        keys = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
        assert len(keys) == len(set(keys)), keys


def test_the_navigation_sidebar_and_status_bar_are_german(qtbot, window, german):
    navigation = window.navigation
    assert english_words(navigation.accessibleName()) == []
    assert [navigation.item(row).text() for row in range(navigation.count())] == [
        "Heute",
        "Beschwerden",
        "Fortschritt",
        "Kalender",
        "Tagebuch",
    ]
    assert english_left(window.report_button) == []
    assert english_words(window.page_area.accessibleName()) == []
    for widget in (window.reminder_parts.label, window.reminder_parts.snooze_button):
        assert english_words(widget.accessibleName()) == []
    assert english_words(window.reminder_parts.snooze_button.text()) == []
    note = window.backup_note()
    assert note.startswith("Sicherungen: noch keine geprüfte Sicherung"), note
    german.backups.make("daily")
    note = window.backup_note()
    assert note.startswith("Sicherungen: Die letzte geprüfte Sicherung wurde am "), note
    assert english_words(note.replace(str(german.backups.folder), " ")) == []
    exported = window.export_json(Path(german.data_dir) / "export.json")
    assert exported
    assert window.last_transfer_message.startswith("Das Tagebuch wurde nach ")


def test_settings_are_german_with_a_language_choice(qtbot, window, german):
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        seen["title"] = dialog.windowTitle()
        seen["english"] = english_left(dialog, german.data_dir)
        combo = find(dialog, "Sprache", QComboBox)
        assert isinstance(combo, QComboBox)
        seen["choices"] = [combo.itemText(i) for i in range(combo.count())]
        seen["current"] = combo.currentText()
        seen["beside"] = (
            find(dialog, "Darstellung", QComboBox).parentWidget() is combo.parentWidget()
        )
        find(dialog, "Abbrechen", QPushButton).click()

    when_modal(qtbot, look)
    window.open_settings()
    assert seen["title"] == "Einstellungen"
    assert seen["english"] == []
    # The languages by their own names; only the system's choice is translated.
    assert seen["choices"] == ["Systemsprache", "English", "Deutsch"]
    assert seen["current"] == "Deutsch"
    assert seen["beside"]


def test_choosing_english_in_german_is_said_in_german(qtbot, window, german):
    told: dict[str, object] = {}

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told["text"] = box.text() + " " + box.informativeText()
        told["english"] = english_left(box)
        find(box, "Später", QPushButton).click()

    def choose(dialog: QWidget) -> None:
        combo = find(dialog, "Sprache", QComboBox)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("en"))
        when_modal(qtbot, answer)
        find(dialog, "Speichern", QPushButton).click()

    when_modal(qtbot, choose)
    window.open_settings()
    assert str(told["text"]).startswith("Ab dem nächsten Start spricht die App English.")
    assert told["english"] == []
    assert german.preferences.preferences().language == "en"
    assert language.code() == "de"  # this window goes on in German until the next start


def test_choosing_deutsch_is_kept_and_said_to_take_effect_at_the_next_start(qtbot, set_up_services):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    told: dict[str, str] = {}
    restarts: list[bool] = []
    window.restart_requested.connect(lambda: restarts.append(True))

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told["text"] = box.text()
        told["more"] = box.informativeText()
        find(box, "Later", QPushButton).click()

    def choose(dialog: QWidget) -> None:
        combo = find(dialog, "Language", QComboBox)
        assert isinstance(combo, QComboBox)
        assert combo.currentText() == "System default"
        combo.setCurrentIndex(combo.findText("Deutsch"))
        when_modal(qtbot, answer)
        find(dialog, "Save", QPushButton).click()

    when_modal(qtbot, choose)
    window.open_settings()
    assert set_up_services.preferences.preferences().language == "de"
    assert told["text"] == "The app will speak Deutsch from its next start."
    assert "Restart now" in told["more"]
    assert restarts == []
    assert language.code() == "en"
    # Saving again without a change of language says nothing more.
    when_modal(qtbot, lambda dialog: find(dialog, "Save", QPushButton).click())
    window.open_settings()
    assert QApplication.activeModalWidget() is None


def test_restart_now_asks_the_window_to_open_again_in_the_new_language(
    qtbot, qapp, set_up_services
):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    restarts: list[bool] = []
    window.restart_requested.connect(lambda: restarts.append(True))

    def choose(dialog: QWidget) -> None:
        combo = find(dialog, "Language", QComboBox)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("de"))
        when_modal(qtbot, lambda box: find(box, "Restart now", QPushButton).click())
        find(dialog, "Save", QPushButton).click()

    when_modal(qtbot, choose)
    window.open_settings()
    assert restarts == [True]
    # What the application then does: the journal opened again, in German.
    reopened = application._restarted(set_up_services)
    try:
        assert language.code() == "de"
        again = MainWindow(reopened)
        qtbot.addWidget(again)
        assert _english(_menu_texts(again)) == []
        assert reopened.program.rungs[0].label != set_up_services.program.rungs[0].label
    finally:
        reopened.close()
        languages.use_language("en")
        install_translators(qapp)


def test_about_is_german(qtbot, window, german):
    seen: list[list[str]] = []

    def look(box: QWidget) -> None:
        seen.append(english_left(box, german.data_dir))
        labels = " ".join(label.text() for label in box.findChildren(QLabel))
        seen.append([labels] if "Ordner des Tagebuchs" not in labels else [])
        box.close()

    when_modal(qtbot, look)
    window.show_about()
    assert seen == [[], []]


HOME = Path("/home/anna/Tagebuch")  # a folder named in the messages (never written)


def _message_of(qtbot, show) -> tuple[str, list[str]]:
    """The text and the English left of the message box ``show`` opens (closed again)."""
    seen: dict[str, object] = {}

    def look(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["english"] = english_left(box, HOME)
        buttons = [b for b in box.findChildren(QPushButton) if b.isVisible()]
        assert all(b.accessibleName() or b.text() for b in buttons)
        buttons[-1].click()

    when_modal(qtbot, look)
    show()
    english = seen["english"]
    assert isinstance(english, list)
    return str(seen["text"]), english


@pytest.fixture
def unthemed(qapp) -> Iterator[None]:
    """make_application (called by the start-up dialogs) applies the colours once: the
    tests after this one start without them again."""
    applied = theme().applied
    yield
    if not applied:
        theme().reset()


@pytest.mark.usefixtures("unthemed")
def test_the_start_up_dialogs_are_german(qtbot, german):
    damaged = _("{path} is damaged ({problem}); it was left untouched").format(
        path=HOME / "journal.sqlite3", problem="Datenbankseite 3 fehlt"
    )
    text, english = _message_of(
        qtbot, lambda: application.offer_restore(damaged, HOME / "journal-x.sqlite3")
    )
    assert english == []
    assert "Die neueste geprüfte Sicherung ist journal-x.sqlite3" in text
    text, english = _message_of(qtbot, lambda: application.show_startup_error(damaged))
    assert english == []
    assert "Es wurde nichts geändert. Die App wird jetzt geschlossen." in text
    locked = languages.load_translations("de").gettext(
        "Sciatica Journal is already open on this journal: its window was asked to come to "
        "the front"
    )
    text, english = _message_of(qtbot, lambda: application.show_startup_error(locked, fatal=False))
    assert english == []
    assert text.startswith("Sciatica Journal ist mit diesem Tagebuch bereits geöffnet")


def test_a_full_disk_and_an_unexpected_error_are_said_in_german(qtbot, german):
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    text, english = _message_of(qtbot, lambda: application._report_unexpected(OSError, full, None))
    assert english == []
    assert text.startswith("Das Laufwerk ist voll: Es wurde nichts gespeichert.")
    text, english = _message_of(
        qtbot, lambda: application._report_unexpected(KeyError, KeyError("x"), None)
    )
    assert english == []
    assert text.startswith("Etwas ist schiefgegangen")
