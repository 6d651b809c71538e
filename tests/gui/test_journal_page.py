"""The Journal page: a sortable table of every entry, notes typed in place, pain corrected in a
dialog, Delete with Undo. Controls are found by their accessible names."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from sciatica_journal.domain.sessions import Outcome, PainScores
from sciatica_journal.gui.journal_model import (
    DATE,
    KEY_ROLE,
    NOTE,
    SORT_ROLE,
    TIME,
    JournalModel,
    JournalProxy,
)
from sciatica_journal.gui.journal_page import JournalPage
from sciatica_journal.services.journal_service import JournalService
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.gui.conftest import find, when_modal

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def journal(set_up_services, clock) -> JournalService:
    """Sun 22 Nov 20:00 a session, Mon 23 Nov 08:00 a check-in, Tue 24 Nov 12:00 a session and
    15:00 a note (Berlin time). As text the days sort Mon < Sun < Tue: not the calendar."""
    s = set_up_services
    clock.moment = dt.datetime(2026, 11, 22, 20, 0, tzinfo=dt.UTC)
    s.sessions.record(new_session(dt.datetime(2026, 11, 22, 19, 0, tzinfo=dt.UTC)))
    clock.moment = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)
    s.symptoms.record_check_in(symptom_map("calf-left"), note="morning stiffness")
    clock.moment = NOW
    same = symptom_map("low-back-right")
    s.sessions.record(
        new_session(NOW - 3 * HOUR, before=(5, 6), after=(5, 6), map_before=same, map_after=same)
    )
    service = JournalService(s.program, s.catalog, s.clock, s.stores.entries)
    service.add_note("Ask about walking")
    return service


@pytest.fixture
def page(qtbot, journal) -> JournalPage:
    widget = JournalPage(journal)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def table(page: QWidget) -> QTableView:
    view = find(page, "Journal entries", QTableView)
    assert isinstance(view, QTableView)
    return view


def column(view: QTableView, col: int) -> list[str]:
    model = view.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


def click_cell(qtbot, view: QTableView, row: int, col: int) -> None:
    rect = view.visualRect(view.model().index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(qtbot, view: QTableView, col: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def row_of_title(view: QTableView, title: str) -> int:
    return column(view, 2).index(title)


# The C++ tester reports problems as Qt warnings: those make the tests fail.
@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
@pytest.mark.parametrize("target", ["model", "proxy"])
def test_model_and_proxy_pass_the_model_tester(qtmodeltester, journal, force_py, target):
    model = JournalModel(journal)
    proxy = JournalProxy(model)
    proxy.sort(DATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model if target == "model" else proxy, force_py=force_py)
    model.reload()  # the tester watches every change from here on
    model.put(journal.add_note("inserted"))
    model.put(journal.set_note("note", journal.entries()[0].uuid, "edited"))
    model.remove("note", journal.entries()[1].uuid)
    proxy.sort(NOTE, Qt.SortOrder.AscendingOrder)
    model.set_entries([])
    model.reload()
    assert proxy.rowCount() == len(journal.entries()) == 5


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_page_models_stay_valid_through_edits_deletes_and_undo(qtmodeltester, qtbot, page):
    qtmodeltester.check(page.proxy)  # the C++ tester watches the proxy ...
    qtmodeltester.check(page.model, force_py=True)  # ... and the Python one the source
    view = table(page)
    click_header(qtbot, view, TIME)
    click_cell(qtbot, view, 1, DATE)
    qtbot.mouseClick(find(page, "Delete", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(page, "Undo", QPushButton), Qt.MouseButton.LeftButton)
    assert page.model.setData(page.model.index(0, NOTE), "edited in place")
    assert not page.model.setData(page.model.index(0, NOTE), "x" * 5001)
    page.refresh()
    assert view.model().rowCount() == 4


def test_roles(journal):
    model = JournalModel(journal)
    model.reload()
    index = model.index(0, NOTE)
    assert index.data() == "Ask about walking"
    assert index.data(Qt.ItemDataRole.EditRole) == "Ask about walking"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Ask about walking"
    assert index.data(KEY_ROLE) == ("note", journal.entries()[0].uuid)
    date = model.index(0, DATE)
    assert date.data() == "Tue 24 Nov 2026"
    assert date.data(Qt.ItemDataRole.AccessibleTextRole) == "Tuesday 24 November 2026"
    assert model.index(0, TIME).data() == "15:00"
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(date) & Qt.ItemFlag.ItemIsEditable
    assert model.rowCount(index) == 0 and model.columnCount(index) == 0
    assert model.headerData(NOTE, Qt.Orientation.Horizontal) == "Note"
    assert model.index(0, DATE).data(SORT_ROLE) > model.index(1, DATE).data(SORT_ROLE)
    assert model.data(QModelIndex()) is None


def test_newest_first_and_a_header_click_sorts_by_the_calendar(qtbot, page):
    view = table(page)
    assert column(view, DATE) == [
        "Tue 24 Nov 2026",
        "Tue 24 Nov 2026",
        "Mon 23 Nov 2026",
        "Sun 22 Nov 2026",
    ]
    assert column(view, TIME)[:2] == ["15:00", "12:00"]
    header = view.horizontalHeader()
    assert header.sortIndicatorSection() == DATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(qtbot, view, DATE)
    assert header.sortIndicatorSection() == DATE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # Oldest first, by the calendar (as text it would be Mon, Sun, Tue).
    assert column(view, DATE) == [
        "Sun 22 Nov 2026",
        "Mon 23 Nov 2026",
        "Tue 24 Nov 2026",
        "Tue 24 Nov 2026",
    ]
    assert column(view, TIME) == ["20:00", "08:00", "12:00", "15:00"]


def test_sorting_by_time_of_day(qtbot, page):
    view = table(page)
    header = view.horizontalHeader()
    click_header(qtbot, view, TIME)
    times = column(view, TIME)
    assert times in (sorted(times), sorted(times, reverse=True))
    assert header.sortIndicatorSection() == TIME


def test_delete_key_removes_the_row_and_undo_brings_it_back(qtbot, page, journal):
    view = table(page)
    row = row_of_title(view, "Symptom check-in")
    click_cell(qtbot, view, row, DATE)
    assert page.selected_entry().title == "Symptom check-in"
    undo = find(page, "Undo", QPushButton)
    assert not undo.isEnabled()
    view.setFocus()
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert view.model().rowCount() == 3
    assert "Symptom check-in" not in column(view, 2)
    assert len(journal.entries()) == 3
    status = find(page, "Journal status", QLabel).text()
    assert status.startswith("Deleted: Symptom check-in on Mon 23 Nov 2026 at 08:00.")
    assert undo.isEnabled()
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert view.model().rowCount() == 4
    assert column(view, 2)[row] == "Symptom check-in"
    assert page.selected_entry().title == "Symptom check-in"
    assert column(view, NOTE)[row] == "morning stiffness"
    assert find(page, "Journal status", QLabel).text().startswith("Restored: Symptom check-in")
    assert not undo.isEnabled()


def test_delete_button_and_ctrl_z(qtbot, page, journal):
    view = table(page)
    click_cell(qtbot, view, 0, TIME)
    delete = find(page, "Delete", QPushButton)
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert "Note" not in column(view, 2)
    # The next row is selected: Delete again removes it too, Ctrl+Z twice restores both.
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert view.model().rowCount() == 2
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.model().rowCount() == 4
    assert len(journal.entries()) == 4
    assert not find(page, "Undo", QPushButton).isEnabled()


def test_a_note_is_typed_into_its_cell(qtbot, page, journal):
    view = table(page)
    row = row_of_title(view, "Baby press-ups")
    # The newest session is the first "Baby press-ups" row (12:00).
    assert column(view, TIME)[row] == "12:00"
    rect = view.visualRect(view.model().index(row, NOTE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClicks(editor, "slept badly, knee sore")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert column(view, NOTE)[row] == "slept badly, knee sore"
    session = next(e for e in journal.entries() if f"{e.local_time:%H:%M}" == "12:00")
    assert session.note == "slept badly, knee sore"
    assert find(page, "Journal status", QLabel).text() == "Note saved: Baby press-ups."


def test_f2_edits_a_note_and_a_bad_note_is_reported(qtbot, page, journal):
    view = table(page)
    click_cell(qtbot, view, 0, NOTE)  # the free note
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(page.model.edit_failed):  # the delegate commits on the next loop
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journal.entries()[0].note == "Ask about walking"  # an empty note is refused
    status = find(page, "Journal status", QLabel)
    assert status.text() == "Not saved: a note cannot be empty (delete it instead)."
    assert column(view, NOTE)[0] == "Ask about walking"


def test_pain_is_corrected_in_the_dialog(qtbot, page, journal):
    view = table(page)
    row = row_of_title(view, "Baby press-ups")
    click_cell(qtbot, view, row, DATE)
    edit = find(page, "Edit pain", QPushButton)
    assert edit.isEnabled()
    seen = {}

    def fill(dialog):
        for name in ("Back pain before", "Leg pain before", "Back pain after", "Leg pain after"):
            seen[name] = find(dialog, name, QSpinBox).value()
        spin = find(dialog, "Leg pain after", QSpinBox)
        spin.setFocus()
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin, "2")
        qtbot.mouseClick(find(dialog, "Save", QAbstractButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, fill)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert seen == {
        "Back pain before": 5,
        "Leg pain before": 6,
        "Back pain after": 5,
        "Leg pain after": 6,
    }
    session = next(e for e in journal.entries() if f"{e.local_time:%H:%M}" == "12:00")
    assert session.pain_after == PainScores(5, 2)
    assert session.outcome is Outcome.BETTER
    assert column(view, 3)[row].startswith("Back 5→5, leg 6→2 · Better")
    assert "Outcome: Better." in find(page, "Journal status", QLabel).text()


def test_an_error_is_shown_in_the_pain_dialog(qtbot, page, journal):
    view = table(page)
    row = row_of_title(view, "Baby press-ups")
    click_cell(qtbot, view, row, DATE)
    uuid = page.selected_entry().uuid
    shown = {}

    def fail_then_cancel(dialog):
        journal.delete("session", uuid)  # gone meanwhile (e.g. another window)
        qtbot.mouseClick(find(dialog, "Save", QAbstractButton), Qt.MouseButton.LeftButton)
        error = find(dialog, "Error", QLabel)
        shown["error"] = error.text() if error.isVisible() else ""
        shown["open"] = dialog.isVisible()
        qtbot.mouseClick(find(dialog, "Cancel", QAbstractButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, fail_then_cancel)
    qtbot.mouseClick(find(page, "Edit pain", QPushButton), Qt.MouseButton.LeftButton)
    assert shown == {"error": "This exercise session is no longer in the journal.", "open": True}


def test_edit_pain_is_only_for_sessions(qtbot, page):
    view = table(page)
    click_cell(qtbot, view, row_of_title(view, "Symptom check-in"), DATE)
    assert not find(page, "Edit pain", QPushButton).isEnabled()
    assert find(page, "Delete", QPushButton).isEnabled()


def test_a_free_note_is_added(qtbot, page, journal):
    def write(dialog):
        text = find(dialog, "Note text", QPlainTextEdit)
        qtbot.mouseClick(find(dialog, "Save note", QAbstractButton), Qt.MouseButton.LeftButton)
        assert find(dialog, "Error", QLabel).text() == "A note cannot be empty (delete it instead)."
        qtbot.keyClicks(text, "Walked 20 minutes")
        qtbot.mouseClick(find(dialog, "Save note", QAbstractButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, write)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(find(page, "Add note", QPushButton), Qt.MouseButton.LeftButton)
    assert journal.entries()[0].note == "Walked 20 minutes"
    assert page.selected_entry().note == "Walked 20 minutes"
    assert table(page).model().rowCount() == 5


def test_an_empty_journal_says_so(qtbot, set_up_services):
    s = set_up_services
    widget = JournalPage(JournalService(s.program, s.catalog, s.clock, s.stores.entries))
    qtbot.addWidget(widget)
    widget.show()
    assert find(widget, "Journal is empty", QLabel).isVisible()
    assert not find(widget, "Delete", QPushButton).isEnabled()
    assert not find(widget, "Edit pain", QPushButton).isEnabled()


def test_every_control_has_an_accessible_name(page):
    controls = page.findChildren(QAbstractButton) + page.findChildren(QTableView)
    for widget in [w for w in controls if w.isVisibleTo(page)]:
        assert widget.accessibleName(), widget
    assert page.findChild(QLabel, "pageTitle").text() == "Journal"
    assert page.findChild(QWidget, "card") is not None


def test_refresh_shows_changes_made_elsewhere_and_waits_while_hidden(qtbot, page, journal):
    page.changed.connect(page.refresh)  # as a window refreshing every page would
    view = table(page)
    journal.add_note("from the symptoms page")
    page.refresh()
    assert "from the symptoms page" in column(view, NOTE)
    click_cell(qtbot, view, 0, DATE)
    qtbot.mouseClick(find(page, "Delete", QPushButton), Qt.MouseButton.LeftButton)
    assert "from the symptoms page" not in column(view, NOTE)
    page.hide()
    journal.add_note("written while the page was hidden")
    page.refresh()
    assert "written while the page was hidden" not in column(view, NOTE)
    page.show()
    assert "written while the page was hidden" in column(view, NOTE)


def test_the_delete_key_in_a_note_editor_edits_text_and_deletes_no_entry(qtbot, page, journal):
    view = table(page)
    click_cell(qtbot, view, 0, NOTE)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setCursorPosition(0)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert len(journal.entries()) == 4
    assert journal.entries()[0].note == "sk about walking"
