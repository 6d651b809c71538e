"""A German user's walk: every screen shows German, with no English left (proper names
aside). Each screen is opened the way a user opens it; what it shows is gathered by
``german_walk.texts`` and checked word by word."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.red_flags import ScreenResult, Trigger
from sciatica_journal.gui.main_window import JOURNAL, MainWindow
from sciatica_journal.gui.red_flag_dialogs import OutcomeDialog, RedFlagDialog
from sciatica_journal.gui.restore_dialog import RestoreDialog
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.services import languages
from sciatica_journal.services.container import Services, build_services
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.gui.conftest import add_wizard, find, when_modal
from tests.gui.german_walk import english_left, english_words
from tests.gui.test_session_wizard import press, score, tick

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def german(qapp, data_dir, clock) -> Iterator[Services]:
    """A journal set to German, with two sessions and a check-in (no notes: what a user
    writes is theirs, in any language), opened as the app opens it."""
    first = build_services(data_dir, clock)
    first.profiles.accept_disclaimer()
    first.profiles.save(first.profiles.default_profile())
    first.preferences.save(Preferences(language="de"))
    first.close()
    services = build_services(data_dir, clock)
    services.sessions.record(new_session(NOW - 5 * HOUR, rung="prone-lying", reps=None))
    services.sessions.record(new_session(NOW - 2 * HOUR))
    services.symptoms.record_check_in(symptom_map("calf-right"))
    no = {q.code: False for q in services.program.red_flags}
    services.red_flags.record(no, Trigger.DAILY)  # today's safety questions are answered
    install_translators(qapp)
    yield services
    services.close()
    languages.use_language("en")
    install_translators(qapp)


@pytest.fixture
def window(qtbot, german) -> MainWindow:
    shown = MainWindow(german)
    qtbot.addWidget(shown)
    shown.resize(1180, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_detector_tells_english_from_german():
    assert english_words("Save the session") == ["Save", "the", "session"]
    assert english_words("Übungseinheit speichern") == []
    assert english_words("Sciatica Journal: Bericht als PDF (A4)") == []


def test_the_journal_page_and_its_dialogs_are_german(qtbot, window, german):
    window.navigation.setCurrentRow(JOURNAL)
    page = window.journal_page
    assert english_left(page) == []
    session = next(e for e in german.entries.entries() if e.kind == "session")
    page.select(*session.key)
    seen: dict[str, list[str]] = {}

    def look(name: str):
        def at(dialog) -> None:
            seen[name] = english_left(dialog)
            dialog.reject()

        return at

    when_modal(qtbot, look("note"))
    page.add_note()
    when_modal(qtbot, look("pain"))
    page.edit_pain()
    assert seen == {"note": [], "pain": []}


@pytest.mark.xfail(
    strict=True,
    reason="not yet German: the leg diagram's spoken names and the pain scale's anchors "
    "(gui/body_map_widget.py, gui/pain_input.py)",
)
def test_the_symptoms_page_is_german(qtbot, window):
    window.navigation.setCurrentRow(1)
    assert english_left(window.symptoms_page) == []


@pytest.mark.xfail(
    strict=True,
    reason="not yet German: the leg diagram's spoken names and the pain scale's anchors "
    "(gui/body_map_widget.py, gui/pain_input.py)",
)
def test_every_step_of_a_session_is_german(qtbot, german, window):
    wizard = window.start_session()
    assert wizard is not None
    add_wizard(qtbot, wizard)
    steps = {"check-in": english_left(wizard)}
    score(qtbot, wizard, "Rückenschmerz vorher", 4)
    score(qtbot, wizard, "Beinschmerz vorher", 5)
    press(qtbot, wizard, "Weiter")
    steps["exercise"] = english_left(wizard)
    press(qtbot, wizard, "Weiter")
    steps["repetitions"] = english_left(wizard)
    press(qtbot, wizard, "Eine Wiederholung zählen")
    steps["counted"] = english_left(wizard)
    press(qtbot, wizard, "Weiter")
    steps["range"] = english_left(wizard)
    tick(qtbot, wizard, "Höhe: halb")
    tick(qtbot, wizard, "Becken liegen geblieben: ja")
    press(qtbot, wizard, "Weiter")
    steps["check-out"] = english_left(wizard)
    score(qtbot, wizard, "Rückenschmerz danach", 3)
    score(qtbot, wizard, "Beinschmerz danach", 3)
    press(qtbot, wizard, "Weiter")
    steps["result"] = english_left(wizard)

    def discard(box) -> None:
        steps["discard"] = english_left(box)
        press(qtbot, box, "Übungseinheit verwerfen")

    when_modal(qtbot, discard)
    press(qtbot, wizard, "Abbrechen")
    assert steps == {name: [] for name in steps}


def test_the_safety_questions_and_their_answers_are_german(qtbot, german):
    questions = german.program.red_flags
    asked = RedFlagDialog(questions, Trigger.SADDLE)
    qtbot.addWidget(asked)
    asked.show()
    assert english_left(asked) == []
    for result in (ScreenResult.URGENT, ScreenResult.CONTACT_DOCTOR):
        told = OutcomeDialog(result, list(questions[:2]), german.program.red_flag_advice)
        qtbot.addWidget(told)
        told.show()
        assert english_left(told) == [], result


@pytest.mark.xfail(strict=True, reason="not yet German: an exercise name in the report summary")
def test_the_report_and_restore_dialogs_are_german(qtbot, window, german):
    report = window.open_report()
    qtbot.addWidget(report)
    report.show()
    assert english_left(report) == []
    german.backups.make("daily")
    restore = RestoreDialog(german.backups.list_verified())
    qtbot.addWidget(restore)
    restore.show()
    assert english_left(restore) == []


def test_the_disclaimer_is_german(qtbot, window):
    seen: list[list[str]] = []

    def look(dialog) -> None:
        seen.append(english_left(dialog))
        find(dialog, "Schließen", QPushButton).click()

    when_modal(qtbot, look)
    window.show_disclaimer()
    assert seen == [[]]
    assert QApplication.activeModalWidget() is None
    assert Qt  # the import is used by the dialogs' buttons
