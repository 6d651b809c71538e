"""The Symptoms page: prefilled, saved with a note, described in words; the red-flag path."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton

from sciatica_journal.domain.body import SymptomKind
from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.gui.main_window import MainWindow
from tests.builders import symptom_map
from tests.gui.conftest import find, when_modal


@pytest.fixture
def window(qtbot, set_up_services):
    win = MainWindow(set_up_services)
    qtbot.addWidget(win)
    win.resize(1200, 900)
    win.show()
    win.navigation.setCurrentRow(1)
    qtbot.waitExposed(win)
    return win


def click_region(qtbot, window, code):
    board = window.symptoms_page.editor.map_widget
    qtbot.mouseClick(board, Qt.MouseButton.LeftButton, pos=board.region_point(code).toPoint())


def test_a_check_in_is_saved_from_the_page(qtbot, window, set_up_services):
    page = window.symptoms_page
    assert window.pages.currentWidget() is page
    assert find(page, "Change since the last map", QLabel).text() == "This is your first map."
    click_region(qtbot, window, "calf-left")
    click_region(qtbot, window, "low-back-left")
    reach = find(page, "Where the symptoms reach", QLabel).text()
    assert "Left leg: down to the lower leg — below the knee" in reach
    note = find(page, "Note", QLineEdit)
    qtbot.mouseClick(note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(note, "after gardening")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(find(page, "Note", QLineEdit), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    latest = set_up_services.symptoms.latest()
    assert {m.region for m in latest.symptoms.marks} == {"calf-left", "low-back-left"}
    assert latest.note == "after gardening"
    assert find(page, "Save status", QLabel).text() == "Saved at 15:00."
    assert find(page, "Note", QLineEdit).text() == ""


def test_prefilled_and_change_in_words(qtbot, set_up_services, clock):
    clock.moment = dt.datetime(2026, 11, 24, 7, 30, tzinfo=dt.UTC)
    set_up_services.symptoms.record_check_in(symptom_map("sole-left", kind=SymptomKind.TINGLING))
    clock.moment = dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)
    win = MainWindow(set_up_services)
    qtbot.addWidget(win)
    win.resize(1200, 900)
    win.show()
    win.navigation.setCurrentRow(1)  # the page on screen, so the clicks below land
    qtbot.waitExposed(win)
    page = win.symptoms_page
    editor = page.editor
    assert {(m.region, m.kind) for m in editor.symptom_map().marks} == {
        ("sole-left", SymptomKind.TINGLING)
    }
    board = editor.map_widget
    qtbot.mouseClick(
        board, Qt.MouseButton.RightButton, pos=board.region_point("sole-left").toPoint()
    )
    qtbot.mouseClick(find(editor, "Mark tingling", QRadioButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        board, Qt.MouseButton.LeftButton, pos=board.region_point("calf-left").toPoint()
    )
    change = find(page, "Change since the last map", QLabel).text()
    assert (
        "Left leg: since this morning, the tingling has retreated from your foot to your "
        "lower leg" in change
    )


def _answer(qtbot, dialog, yes: set[int]):
    for number in range(1, 8):
        choice = "yes" if number in yes else "no"
        radio = find(dialog, f"Question {number}: {choice}", QRadioButton)
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)


def test_marking_the_saddle_asks_the_red_flags_and_an_urgent_yes_blocks_the_day(
    qtbot, window, set_up_services
):
    seen = {}

    def questions(dialog):
        seen["questions"] = dialog.windowTitle()
        assert not find(dialog, "Continue", QPushButton).isEnabled()
        _answer(qtbot, dialog, yes={2})
        when_modal(qtbot, urgent)
        qtbot.mouseClick(find(dialog, "Continue", QPushButton), Qt.MouseButton.LeftButton)

    def urgent(dialog):
        seen["urgent"] = dialog.windowTitle()
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        qtbot.mouseClick(find(dialog, "I understand", QPushButton), Qt.MouseButton.LeftButton)

    click_region(qtbot, window, "saddle")
    when_modal(qtbot, questions)
    qtbot.mouseClick(
        find(window.symptoms_page, "Save check-in", QPushButton), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "urgent" in seen and QApplication.activeModalWidget() is None)
    assert seen["questions"] == "Safety questions"
    assert seen["urgent"] == "Seek emergency care now"
    assert "emergency department" in seen["text"]
    assert "passing urine" in seen["text"]
    (screen,) = set_up_services.red_flags.screens_today()
    assert screen.result is ScreenResult.URGENT
    assert screen.answers["bladder-difficulty"] is True
    assert set_up_services.red_flags.blocked_today()


def test_the_seventh_question_says_contact_your_doctor(qtbot, window, set_up_services):
    seen = {}

    def questions(dialog):
        _answer(qtbot, dialog, yes={7})
        when_modal(qtbot, doctor)
        qtbot.mouseClick(find(dialog, "Continue", QPushButton), Qt.MouseButton.LeftButton)

    def doctor(dialog):
        seen["title"] = dialog.windowTitle()
        qtbot.mouseClick(find(dialog, "Continue", QPushButton), Qt.MouseButton.LeftButton)

    click_region(qtbot, window, "calf-left")
    click_region(qtbot, window, "calf-right")  # both legs newly marked
    when_modal(qtbot, questions)
    qtbot.mouseClick(
        find(window.symptoms_page, "Save check-in", QPushButton), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "title" in seen and QApplication.activeModalWidget() is None)
    assert seen["title"] == "Contact your doctor promptly"
    (screen,) = set_up_services.red_flags.screens_today()
    assert screen.result is ScreenResult.CONTACT_DOCTOR
    assert not set_up_services.red_flags.blocked_today()


def test_not_now_keeps_the_questions_due_until_answered(qtbot, window, set_up_services):
    asked = []

    def not_now(dialog):
        asked.append(dialog.windowTitle())
        qtbot.mouseClick(find(dialog, "Not now", QPushButton), Qt.MouseButton.LeftButton)

    def answer_no(dialog):
        asked.append(dialog.windowTitle())
        _answer(qtbot, dialog, yes=set())
        qtbot.mouseClick(find(dialog, "Continue", QPushButton), Qt.MouseButton.LeftButton)

    save = find(window.symptoms_page, "Save check-in", QPushButton)
    click_region(qtbot, window, "saddle")
    when_modal(qtbot, not_now)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert set_up_services.red_flags.screens_today() == []
    assert set_up_services.symptoms.latest() is not None  # the map itself was saved
    assert set_up_services.red_flags.pending() is not None
    # The saddle is no longer "new", but the questions are still due: asked again.
    when_modal(qtbot, answer_no)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert asked == ["Safety questions", "Safety questions"]
    (screen,) = set_up_services.red_flags.screens_today()
    assert screen.result is ScreenResult.CLEAR
    assert set_up_services.red_flags.pending() is None
