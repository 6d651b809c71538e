"""Edit → Undo / Redo in the window: they name what they take back, answer Ctrl+Z and
Ctrl+Shift+Z, and the pages follow; a hidden page is only marked stale and catches up when
it is shown again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableView

from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.gui.main_window import CALENDAR, JOURNAL, PROGRESS, TODAY, MainWindow
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.gui.conftest import find, when_modal

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def window(qtbot, set_up_services) -> MainWindow:
    shown = MainWindow(set_up_services)
    qtbot.addWidget(shown)
    shown.resize(1180, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def edit_menu(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return [a.text() for a in menu.actions()]


def show(window: MainWindow, index: int) -> None:
    window.navigation.setCurrentRow(index)


def test_the_edit_menu_names_the_step_and_undo_redo_follow_the_pages(qtbot, window):
    services = window._services
    assert edit_menu(window) == ["&Undo", "&Redo"]
    assert not window.runner.undo_action.isEnabled()
    ops = services.operations
    done = window.runner.run(lambda: ops.record_session(new_session(NOW - 2 * HOUR)))
    # 24 Nov 10:00 UTC is 11:00 in Berlin, the journal's zone.
    assert edit_menu(window) == [f"&Undo {done.label}", "&Redo"]
    assert done.label.startswith("save exercise session of 24 Nov ")
    assert window.today_page.table.rowCount() == 1

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.today_page.table.rowCount() == 0
    assert services.sessions.today().count.done == 0
    assert edit_menu(window) == ["&Undo", f"&Redo {done.label}"]
    assert window.statusBar().currentMessage() == f"Undone: {done.label}."

    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.today_page.table.rowCount() == 1
    assert services.sessions.today().count.done == 1
    assert window.statusBar().currentMessage() == f"Redone: {done.label}."


def test_undo_of_a_pain_edit_judges_the_session_again(qtbot, window):
    services = window._services
    saved = services.sessions.record(new_session(NOW - 2 * HOUR, before=(5, 6), after=(3, 3)))
    first = services.entries.entry("session", saved.uuid).outcome
    show(window, JOURNAL)
    page = window.journal_page
    ops = services.operations
    done = window.runner.run(lambda: ops.edit_session_pain(saved.uuid, 5, 6, 8, 9))
    assert done.value.outcome is Outcome.WORSE and first is not Outcome.WORSE
    assert done.label.startswith("edit pain of 24 Nov ")
    assert window.runner.undo_action.text() == f"&Undo {done.label}"
    qtbot.mouseClick(find(page, "Undo", QPushButton), Qt.MouseButton.LeftButton)
    assert services.entries.entry("session", saved.uuid).outcome is first
    assert page.model.entry(0).outcome is first  # the page shows it, not only the file
    window.runner.redo()
    assert page.model.entry(0).outcome is Outcome.WORSE


def test_hidden_pages_go_stale_and_catch_up_when_shown(qtbot, window):
    services = window._services
    show(window, PROGRESS)
    progress = window.progress_page
    show(window, JOURNAL)
    journal = window.journal_page
    show(window, TODAY)  # Progress and Journal are built, and hidden
    before = window.page_set.refreshes
    ops = services.operations
    window.runner.run(lambda: ops.record_session(new_session(NOW - HOUR)))
    # Only Today (visible) was redrawn; the hidden pages wait.
    assert window.page_set.refreshes == before + 1
    assert window.page_set.is_stale(PROGRESS) and window.page_set.is_stale(JOURNAL)
    assert progress.charts.leg_points.getData()[0] is None  # still the empty journal's charts
    show(window, PROGRESS)
    assert not window.page_set.is_stale(PROGRESS)
    assert len(progress.charts.leg_points.getData()[0]) == 1
    show(window, JOURNAL)
    assert find(journal, "Journal entries", QTableView).model().rowCount() == 1
    # A note changes nothing Progress or Today shows: they are not even marked.
    show(window, CALENDAR)
    window.runner.run(lambda: ops.add_note("walked to the shop"))
    assert not window.page_set.is_stale(PROGRESS)
    assert window.page_set.is_stale(JOURNAL)


def test_a_check_in_on_the_symptoms_page_can_be_undone_from_the_menu(qtbot, window):
    services = window._services
    show(window, 1)
    page = window.symptoms_page
    page.editor.set_map(symptom_map("calf-left"))
    find(page, "Save check-in", QPushButton).click()
    assert services.symptoms.latest() is not None
    assert window.runner.undo_action.text().startswith("&Undo save symptom check-in of 24 Nov")
    window.runner.undo_action.trigger()
    assert services.symptoms.latest() is None
    assert services.entries.entries() == []


def test_settings_saved_in_the_dialog_can_be_undone(qtbot, window):
    services = window._services
    old = services.profiles.profile().target_max

    def change(dialog) -> None:
        spin = find(dialog, "Most sessions a day")
        spin.setValue(old - 1)
        find(dialog, "Save", QPushButton).click()

    when_modal(qtbot, change)
    window.open_settings()
    assert services.profiles.profile().target_max == old - 1
    assert window.runner.undo_action.text() == "&Undo change of the settings"
    window.runner.undo()
    assert services.profiles.profile().target_max == old
    QApplication.processEvents()


def journal_rows(window: MainWindow) -> list[tuple[object, ...]]:
    """What the Journal page's table shows, cell by cell (the page is brought up)."""
    show(window, JOURNAL)
    model = find(window.journal_page, "Journal entries", QTableView).model()
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def press_undo(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def press_redo(qtbot, window: MainWindow) -> None:
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, shift)


def _first(services, kind: str) -> str:
    return next(e.uuid for e in services.entries.entries() if e.kind == kind)


ENTRY_OPERATIONS = {
    "record a session": lambda s, path: s.operations.record_session(new_session(NOW - HOUR)),
    "record a check-in": lambda s, path: s.operations.record_check_in(symptom_map("calf-left")),
    "add a note": lambda s, path: s.operations.add_note("walked to the shop"),
    "edit a note": lambda s, path: s.operations.set_note("note", _first(s, "note"), "physio"),
    "edit a session's note": lambda s, path: s.operations.set_note(
        "session", _first(s, "session"), "on the floor"
    ),
    "edit pain": lambda s, path: s.operations.edit_session_pain(_first(s, "session"), 5, 6, 8, 9),
    "delete a session": lambda s, path: s.operations.delete("session", _first(s, "session")),
    "delete a check-in": lambda s, path: s.operations.delete("check-in", _first(s, "check-in")),
    "import": lambda s, path: s.operations.import_json(path),
}


@pytest.mark.parametrize("operation", ENTRY_OPERATIONS)
def test_every_kind_of_entry_change_is_undone_and_redone_from_the_keyboard(
    qtbot, window, tmp_path, operation
):
    services = window._services
    services.sessions.record(new_session(NOW - 3 * HOUR, before=(5, 6), after=(3, 3)))
    services.symptoms.record_check_in(symptom_map("thigh-back-left"), "after the walk")
    services.entries.add_note("Physio on Friday")
    exported = tmp_path / "journal.json"
    services.transfer.export_json(exported)
    if operation == "import":  # the file holds a note this journal has since lost
        services.entries.delete("note", _first(services, "note"))
    before, shown_before = services.entries.entries(), journal_rows(window)

    window.runner.run(lambda: ENTRY_OPERATIONS[operation](services, exported))
    after, shown_after = services.entries.entries(), journal_rows(window)
    assert after != before and shown_after != shown_before

    press_undo(qtbot, window)
    assert services.entries.entries() == before
    assert journal_rows(window) == shown_before
    press_redo(qtbot, window)
    assert [e.uuid for e in services.entries.entries()] == [e.uuid for e in after]
    assert journal_rows(window) == shown_after


def test_an_urgent_screening_is_undone_and_redone_and_today_follows(qtbot, window):
    services = window._services
    show(window, TODAY)
    paused = find(window.today_page, "Exercises paused today")
    start = find(window.today_page, "Start session", QPushButton)
    answers = {q.code: q.code == "worsening-weakness" for q in services.program.red_flags}
    window.runner.run(lambda: services.operations.record_screening(answers, Trigger.DAILY))
    assert services.red_flags.blocked_today()
    assert paused.isVisible() and not start.isEnabled()
    press_undo(qtbot, window)
    assert services.red_flags.screens_today() == []
    assert not paused.isVisible() and start.isEnabled()
    press_redo(qtbot, window)
    assert services.red_flags.blocked_today()
    assert paused.isVisible() and not start.isEnabled()
