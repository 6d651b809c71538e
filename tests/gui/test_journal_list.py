"""The Journal page on a long journal: rows come a page at a time as the list is scrolled
(the pages made small here), the Show list filters by kind, a sort keeps the selection,
and delete with undo works on rows read later."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView

from sciatica_journal.gui import journal_model
from sciatica_journal.gui.journal_model import DATE, NOTE
from sciatica_journal.gui.journal_page import JournalPage
from sciatica_journal.gui.operation_runner import OperationRunner
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find

NOTES = 23


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(journal_model, "FIRST", 5)
    monkeypatch.setattr(journal_model, "MORE", 7)
    monkeypatch.setattr(journal_model, "BLOCK", 3)


@pytest.fixture
def page(qtbot, set_up_services, clock, small_pages) -> JournalPage:
    s = set_up_services
    clock.moment = NOW - dt.timedelta(days=2)
    s.sessions.record(new_session(clock.moment - dt.timedelta(hours=1)))
    for n in range(NOTES):
        clock.moment = NOW - dt.timedelta(hours=NOTES - n)
        s.entries.add_note(f"note {n:02d}")
    clock.moment = NOW
    widget = JournalPage(s.entries, OperationRunner(s.operations))
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def table(page) -> QTableView:
    view = find(page, "Journal entries", QTableView)
    assert isinstance(view, QTableView)
    return view


def notes(view: QTableView) -> list[str]:
    model = view.model()
    return [model.index(row, NOTE).data() for row in range(model.rowCount())]


def to_the_end(qtbot, view: QTableView) -> None:
    for _ in range(20):
        view.scrollToBottom()
        qtbot.wait(1)  # the view asks for more rows at the bottom
        if not view.model().canFetchMore(view.rootIndex()):
            return


def test_rows_come_a_page_at_a_time_as_the_list_is_scrolled(qtbot, page):
    view = table(page)
    assert view.model().rowCount() == 5  # the first page only
    assert view.model().canFetchMore(view.rootIndex())
    to_the_end(qtbot, view)
    assert view.model().rowCount() == NOTES + 1
    assert notes(view)[:NOTES] == [f"note {n:02d}" for n in reversed(range(NOTES))]
    assert view.model().index(NOTES, DATE).data() == "Sun 22 Nov 2026"


def test_the_show_list_filters_by_kind_and_says_when_nothing_is_shown(qtbot, page):
    view = table(page)
    show = find(page, "Show entries", QComboBox)
    assert show.currentText() == "All entries"
    show.setCurrentIndex(show.findText("Exercise sessions"))
    assert view.model().rowCount() == 1
    assert page.model.entry(0).title == "Baby press-ups"
    show.setCurrentIndex(show.findText("Symptom check-ins"))
    assert view.model().rowCount() == 0
    empty = find(page, "Journal is empty", QLabel)
    assert empty.isVisible() and "All entries" in empty.text()
    assert show.isVisible()
    show.setCurrentIndex(show.findText("Notes"))
    to_the_end(qtbot, view)
    assert view.model().rowCount() == NOTES
    show.setCurrentIndex(0)
    assert view.model().rowCount() == 5 and not empty.isVisible()


def test_a_sort_keeps_the_selected_entry_selected(qtbot, page):
    view = table(page)
    page.select("note", page.model.entry(2).uuid)
    chosen = page.selected_entry()
    view.sortByColumn(NOTE, Qt.SortOrder.DescendingOrder)  # "note 22" first: the same rows
    assert page.selected_entry() == chosen
    view.sortByColumn(NOTE, Qt.SortOrder.AscendingOrder)  # the session's empty note first
    assert notes(view)[:2] == ["", "note 00"]
    to_the_end(qtbot, view)
    assert notes(view)[1:] == [f"note {n:02d}" for n in range(NOTES)]


def test_delete_and_undo_on_a_row_read_later(qtbot, page):
    view = table(page)
    to_the_end(qtbot, view)
    row = notes(view).index("note 03")
    page.select("note", page.model.entry(row).uuid)
    qtbot.mouseClick(find(page, "Delete", QPushButton), Qt.MouseButton.LeftButton)
    assert "note 03" not in notes(view)
    assert page.selected_entry().note == "note 02"  # the next row down
    qtbot.mouseClick(find(page, "Undo", QPushButton), Qt.MouseButton.LeftButton)
    assert notes(view)[row] == "note 03"
    assert page.selected_entry().note == "note 03"
    assert view.model().rowCount() == NOTES + 1


def test_a_note_added_while_sorted_by_note_goes_in_its_place(qtbot, page, clock):
    view = table(page)
    view.sortByColumn(NOTE, Qt.SortOrder.DescendingOrder)
    added = page._journal.add_note("zz last word")
    assert page.model.put(added) == 0
    assert notes(view)[:2] == ["zz last word", "note 22"]
    early = page._journal.add_note("a first word")
    assert page.model.put(early) == -1  # not among the rows read: it comes with a later page
    to_the_end(qtbot, view)
    assert notes(view)[-2:] == ["a first word", ""]


def test_a_refresh_keeps_as_many_rows_as_were_shown(qtbot, page):
    view = table(page)
    page.model.fetchMore()
    shown = view.model().rowCount()
    assert shown == 5 + 7
    added = page._journal.add_note("one more")
    assert page.model.put(added) == 0
    page.refresh()  # as after an undo, or a change made elsewhere
    assert view.model().rowCount() == shown + 1
    assert notes(view)[:2] == ["one more", "note 22"]
