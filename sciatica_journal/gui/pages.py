"""The window's pages: built when first shown (or ahead of it, when the window is idle),
told of the changes they show, and brought up to date only when visible (a hidden page
keeps what changed while it was hidden and catches up when it is shown again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget

from sciatica_journal.gui.window_fit import least_height_for_width
from sciatica_journal.services.operations import NOTHING, ChangeSet, Kind


class JournalView(Protocol):
    """A page that shows part of the journal."""

    shows: frozenset[Kind]  # the kinds of change that put it out of date

    def refresh(self) -> None: ...


class PageStack(QStackedWidget):
    """Pages, sized by the one shown: a tall page scrolls without making others scroll, and
    a page scrolls only when the window is smaller than what the page needs."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:
        # The scroll area takes this as the least height for a width: the page's least
        # (not preferred) height, so it gets the whole visible height and scrolls only
        # when it must.
        page = self.currentWidget()
        return -1 if page is None else least_height_for_width(page, width)


class Pages:
    """The pages by index: the first is built at once, the others when first shown. Every
    page is a ``JournalView`` (it says what it shows and how to refresh)."""

    def __init__(self, stack: PageStack, first: QWidget) -> None:
        self.stack = stack
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self._built: dict[int, QWidget] = {0: first}
        self._stale: dict[int, ChangeSet] = {}  # a hidden page's index: what changed since
        self.refreshes = 0  # pages brought up to date (for the benchmark and the tests)
        stack.addWidget(first)

    def add_later(self, factory: Callable[[], QWidget]) -> None:
        self._factories[self.stack.count()] = factory
        self.stack.addWidget(QWidget())  # a placeholder until the page is first shown

    def page(self, index: int) -> QWidget:
        if index not in self._built:
            page = self._factories[index]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[index] = page
        return self._built[index]

    def prepare(self, index: int) -> None:
        """Build a page before it is first shown (when the window is idle), hidden."""
        self.page(index)

    def is_built(self, index: int) -> bool:
        return index in self._built

    def built(self) -> list[QWidget]:
        return list(self._built.values())

    def show(self, index: int, *, always_refresh: bool = False) -> QWidget:
        """Show a page; it catches up if it went stale while hidden (or ``always_refresh``:
        its contents depend on today's date)."""
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        dated = getattr(page, "out_of_date", None)  # e.g. built on a day gone by now
        if always_refresh or (dated is not None and dated()):
            self._stale.pop(index, None)
            self._refresh(page)
        elif index in self._stale:
            self._refresh(page, self._stale.pop(index))
        return page

    def changed(self, changes: ChangeSet) -> None:
        """The journal changed: the visible page shows it now, hidden ones when shown."""
        for index, page in self._built.items():
            if not changes.touches(cast(JournalView, page).shows):
                continue
            if page is self.stack.currentWidget() and page.isVisible():
                self._stale.pop(index, None)
                self._refresh(page, changes)
            else:
                self._stale[index] = self._stale.get(index, NOTHING) | changes

    def is_stale(self, index: int) -> bool:
        return index in self._stale

    def forget(self, index: int) -> None:
        self._built.pop(index, None)

    def _refresh(self, page: QWidget, changes: ChangeSet | None = None) -> None:
        """Bring ``page`` up to date: from what ``changes`` names, if it can (it has
        ``refresh_changed``), or all of it."""
        self.refreshes += 1
        by_changes = getattr(page, "refresh_changed", None)
        if changes is not None and by_changes is not None:
            by_changes(changes)
        else:
            cast(JournalView, page).refresh()
