"""German at 1024×600: the "contact your doctor" screen wraps its headline and fits; the
Progress table of what each exercise did and the Journal show their heads and values whole
(or, for a long summary or note, elided with the whole text in its tooltip), and neither
page scrolls sideways."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QTableWidget

from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.gui.red_flag_dialogs import OutcomeDialog
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.gui.window_fit import FRAME_ALLOWANCE
from sciatica_journal.services import languages
from sciatica_journal.services.program_loader import load_program
from tests.builders import new_session
from tests.gui.conftest import find
from tests.gui.cut_texts import cut_texts
from tests.gui.test_window_fit import clipped

SCREEN = QSize(1024, 600) - FRAME_ALLOWANCE  # the window on a 1024×600 screen


@pytest.fixture
def german(qapp) -> Iterator[None]:
    languages.use_language("de")
    install_translators(qapp)
    yield
    languages.use_language("en")
    install_translators(qapp)


@pytest.mark.parametrize("result", [ScreenResult.CONTACT_DOCTOR, ScreenResult.URGENT])
def test_the_doctor_and_urgent_screens_wrap_their_headline_and_fit(qtbot, german, result):
    program = load_program(language="de")
    dialog = OutcomeDialog(result, list(program.red_flags[5:7]), program.red_flag_advice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    advice = program.red_flag_advice
    title = advice.urgent_title if result is ScreenResult.URGENT else advice.doctor_title
    banner = find(dialog, title, QLabel)
    assert banner.wordWrap()
    assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height()
    assert banner.width() <= dialog.width()
    assert clipped(dialog) == []
    find(dialog, "Verstanden" if result is ScreenResult.URGENT else "Weiter", QPushButton)


def _every_exercise(window) -> None:
    """The German journal has every rung but the last: one press-up with overpressure."""
    services = window._services
    at = services.clock.now() - dt.timedelta(minutes=30)
    over = new_session(at, rung="press-up-overpressure", before=(3, 3), after=(2, 2))
    services.sessions.record(
        dataclasses.replace(over, range_reached=PressUpRange.FULL, pelvis_stayed_down=True)
    )
    window.journal_changed.emit()


def test_the_table_by_exercise_shows_every_head_and_count_whole(qtbot, german_window):
    window = german_window
    _every_exercise(window)
    window.resize(SCREEN)
    window.navigation.setCurrentRow(2)
    page = window.progress_page
    page.show_days(None)  # all five exercises
    page.views.toggle.click()
    qtbot.wait(50)
    table = find(page, "Beobachtete Reaktionen je Übung", QTableWidget)
    assert table.columnCount() == 5
    assert [str(cut) for cut in cut_texts(table)] == []
    assert table.horizontalScrollBar().maximum() == 0
    assert window.page_area.horizontalScrollBar().maximum() == 0
    assert page.geometry().bottom() <= window.height()


def test_the_journal_shows_its_heads_dates_times_and_entries_whole(qtbot, german_window):
    window = german_window
    _every_exercise(window)
    window.resize(SCREEN)
    window.navigation.setCurrentRow(4)
    qtbot.wait(50)
    table = find(window.journal_page, "Tagebucheinträge", QTableView)
    cut = cut_texts(table)
    # A summary or note too long for its cell ends in "…" and its tooltip says it whole;
    # the heads, dates, times and the entries' names are shown whole.
    assert [str(c) for c in cut if not c.told] == []
    summary_or_note = (",3", ",4")
    assert [str(c) for c in cut if not c.where.endswith(summary_or_note)] == []
    assert table.horizontalScrollBar().maximum() == 0
    assert window.page_area.horizontalScrollBar().maximum() == 0
    assert clipped(window.journal_page) == []
