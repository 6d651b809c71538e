"""The wizard and the Symptoms page ask the red-flag questions by one rule
(``domain.red_flags.due_screening``): the first session of the day, what the map shows,
what an earlier map asked for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from sciatica_journal.domain.red_flags import ScreenResult, Trigger
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.session_wizard import EXERCISE, SessionWizard
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from tests.builders import symptom_map
from tests.gui.conftest import add_wizard, find, when_modal
from tests.gui.test_session_wizard import check_out, press, score, tick


def _no(services) -> dict[str, bool]:
    return {q.code: False for q in services.program.red_flags}


def open_wizard(qtbot, services) -> SessionWizard:
    wizard = SessionWizard(services, BodyMapDrawing(services.catalog))
    add_wizard(qtbot, wizard)
    wizard.show()
    return wizard


def test_questions_put_off_after_a_check_in_are_asked_before_the_next_session(
    qtbot, set_up_services
):
    services = set_up_services
    services.red_flags.record(_no(services), Trigger.DAILY)  # today's are answered
    services.symptoms.record_check_in(symptom_map("calf-left", "saddle"))  # "Not now"
    assert services.red_flags.pending() is Trigger.SADDLE
    wizard = open_wizard(qtbot, services)
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 4)
    seen = {}

    def answer(dialog):
        seen["intro"] = [label.text() for label in dialog.findChildren(QLabel)]
        for number in range(1, 8):
            tick(qtbot, dialog, f"Question {number}: no")
        press(qtbot, dialog, "Continue")

    when_modal(qtbot, answer)
    press(qtbot, wizard, "Next")
    qtbot.waitUntil(lambda: wizard.step == EXERCISE)
    assert any(text.startswith("You marked the area between your legs") for text in seen["intro"])
    press(qtbot, wizard, "Next")  # lying face down, a hold
    press(qtbot, wizard, "Next")
    check_out(qtbot, wizard, back=3, leg=4)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    screens = services.red_flags.screens_today()
    assert [(s.trigger, s.result) for s in screens] == [
        (Trigger.DAILY, ScreenResult.CLEAR),
        (Trigger.SADDLE, ScreenResult.CLEAR),
    ]
    assert services.red_flags.pending() is None


def test_nothing_is_asked_when_nothing_is_due(qtbot, set_up_services):
    services = set_up_services
    services.red_flags.record(_no(services), Trigger.DAILY)
    wizard = open_wizard(qtbot, services)
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 4)
    press(qtbot, wizard, "Next")
    assert wizard.step == EXERCISE  # straight on: no dialog came up
    assert QApplication.activeModalWidget() is None
    discard_session(qtbot, wizard)


def discard_session(qtbot, wizard: SessionWizard) -> None:
    """Leave a begun session as the user does: Cancel, then "Discard the session"."""
    when_modal(qtbot, lambda box: press(qtbot, box, "Discard the session"))
    press(qtbot, wizard, "Cancel")
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_a_check_in_on_its_own_does_not_ask_the_daily_questions(qtbot, set_up_services):
    services = set_up_services
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(1)
    page = window.symptoms_page
    assert services.red_flags.due_today()
    board = page.editor.map_widget
    calf = board.region_point("calf-left").toPoint()
    qtbot.mouseClick(board, Qt.MouseButton.LeftButton, pos=calf)
    qtbot.mouseClick(find(page, "Save check-in", QPushButton), Qt.MouseButton.LeftButton)
    assert page.status_label.text().startswith("Saved at")
    assert QApplication.activeModalWidget() is None
    assert services.red_flags.screens_today() == []
