"""The journal as a table model: Date, Time, Entry, Summary, Note (the note is editable).

Rows come a page at a time (``canFetchMore``/``fetchMore``: the view asks for more as it is
scrolled down); the kinds shown and the order are the service's, done in SQL (``sort``,
``set_kinds``): a ten-year journal opens with its first page only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.domain.language import N_, _, clock_time, long_date, medium_date
from sciatica_journal.services.journal_pages import Key, Pages
from sciatica_journal.services.journal_service import JournalError, JournalService

COLUMNS = (N_("Date"), N_("Time"), N_("Entry"), N_("Summary"), N_("Note"))
SORT_TIPS = (
    N_("Sort by date"),
    N_("Sort by time"),
    N_("Sort by entry"),
    N_("Sort by summary"),
    N_("Sort by note"),
)
DATE, TIME, ENTRY, SUMMARY, NOTE = range(len(COLUMNS))
ORDERS = ("at", "time", "title", "summary", "note")  # what the service sorts each column by
FIRST = 100  # rows read whole when the list opens (a few screenfuls)
MORE = 2000  # rows' keys added each time the view is scrolled to the end of those there are
BLOCK = 100  # rows read whole at a time, when first shown
KEY_ROLE = int(Qt.ItemDataRole.UserRole)  # (kind, uuid)
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # a value that sorts as the column should
NOTE_PREVIEW = 120  # characters of a note shown in the cell

# Plain ints: data() is called for every cell and every comparison while sorting.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_EDIT = int(Qt.ItemDataRole.EditRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole.value)

Index = QModelIndex | QPersistentModelIndex
RowKey = Key | tuple[str, str]  # the storage's key; rows set by hand: the entry's own key


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NOTE_PREVIEW else flat[: NOTE_PREVIEW - 1] + "…"


def _display(entry: JournalEntry) -> tuple[str, ...]:
    day = entry.local_date
    return (
        medium_date(day),
        clock_time(entry.local_time),
        entry.title,
        entry.summary,
        _one_line(entry.note),
    )


def _gone(key: RowKey) -> JournalEntry:
    """What a row shows whose entry was deleted elsewhere, until the list is read again."""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return JournalEntry(
        kind=EntryKind.NOTE,
        uuid=f"gone-{key[0]}-{key[1]}",
        at=epoch,
        zone="UTC",
        local_date=epoch.date(),
        local_time=epoch.time(),
        title="",
        summary="",
        note="",
    )


def _sort_keys(entry: JournalEntry) -> tuple[Any, ...]:
    time = entry.local_time
    return (
        int(entry.at.timestamp()),  # the instant: chronological, to the second
        time.hour * 3600 + time.minute * 60 + time.second,  # the time of day
        entry.title.casefold(),
        entry.summary.casefold(),
        entry.note.casefold(),
    )


class JournalModel(QAbstractTableModel):
    """Rows are ``JournalEntry`` values from the service; editing a note runs an operation."""

    note_edited = Signal(object)  # the updated JournalEntry
    edit_failed = Signal(str)  # why a note could not be saved

    def __init__(
        self,
        journal: JournalService,
        parent: QObject | None = None,
        *,
        set_note: Callable[[str, str, str], JournalEntry],
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._set_note = set_note  # (kind, uuid, text): an operation, so it can be undone
        self._keys: list[RowKey] = []  # the rows, in order
        self._entries: dict[RowKey, JournalEntry] = {}  # those read so far
        self._of: dict[tuple[str, str], RowKey] = {}  # (kind, uuid) of those read: their key
        self._shown: dict[RowKey, tuple[str, ...]] = {}  # display texts, when asked
        self._pages: Pages | None = None  # what the rows come from; None: set_entries
        self._kinds: frozenset[EntryKind] | None = None  # None: every kind
        self._column = DATE
        self._descending = True

    # ---- contents ---------------------------------------------------------------------

    def reload(self, keep: bool = False) -> None:
        """Read the journal again: its first page, or (``keep``: a refresh) as far as the
        rows read so far reached, so that the view keeps its place."""
        pages = self._journal.pages.open(self._kinds, ORDERS[self._column], self._descending)
        before = self._pages
        if keep and before is not None and before.listing == pages.listing:
            keys = pages.through(before, len(self._keys))
        else:
            keys = pages.next_keys(FIRST)
        entries = pages.entries_of(keys[:FIRST])  # the others are read when shown
        self.beginResetModel()
        self._pages = pages
        self._keys = [key for key in keys[:FIRST] if key in entries]
        self._keys += keys[FIRST:]
        self._entries, self._of, self._shown = {}, {}, {}
        for key, entry in entries.items():
            self._keep(key, entry)
        self.endResetModel()

    def set_entries(self, entries: list[JournalEntry]) -> None:
        """Show these entries as they are (no more pages)."""
        self.beginResetModel()
        self._pages = None
        self._keys = [entry.key for entry in entries]
        self._entries, self._of, self._shown = {}, {}, {}
        for entry in entries:
            self._keep(entry.key, entry)
        self.endResetModel()

    def _keep(self, key: RowKey, entry: JournalEntry) -> None:
        self._entries[key] = entry
        self._of[entry.key] = key
        self._shown.pop(key, None)

    @property
    def kinds(self) -> frozenset[EntryKind] | None:
        return self._kinds

    def set_kinds(self, kinds: frozenset[EntryKind] | None) -> None:
        """Show only entries of these kinds (None: every kind)."""
        self._kinds = kinds
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._column, self._descending) and self._pages:
            return
        self._column, self._descending = column, descending
        if self._pages is not None:  # before the first reload the order is only noted
            self.reload()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's default
        return not parent.isValid() and self._pages is not None and not self._pages.done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's default
        """More rows at the end: their keys only (the entries are read when shown)."""
        if not self.canFetchMore(parent) or self._pages is None:
            return
        keys = self._pages.next_keys(MORE)
        if not keys:
            return
        start = len(self._keys)
        self.beginInsertRows(QModelIndex(), start, start + len(keys) - 1)
        self._keys += keys
        self.endInsertRows()

    def entry(self, row: int) -> JournalEntry:
        key = self._keys[row]
        found = self._entries.get(key)
        if found is None:
            found = self._read(row)
        return found

    def _read(self, row: int) -> JournalEntry:
        """Read the block of rows around ``row`` (the rows on screen, and a few more)."""
        start = row - row % BLOCK
        block = [k for k in self._keys[start : start + BLOCK] if k not in self._entries]
        if self._pages is not None:
            for read, entry in self._pages.entries_of(block).items():  # type: ignore[arg-type]
                self._keep(read, entry)
        key = self._keys[row]
        if key not in self._entries:  # deleted elsewhere since: shown empty until a reload
            self._entries[key] = _gone(key)
        return self._entries[key]

    def put(self, entry: JournalEntry) -> int:
        """Show an entry that was added, edited or brought back; returns its row (-1: it
        is not among the rows read so far, or not of a kind shown)."""
        row = self.row_of(entry.kind, entry.uuid)
        if row >= 0:
            self._keep(self._keys[row], entry)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        key: RowKey = entry.key
        if self._pages is None:  # rows set by hand are newest first
            found = (i for i, k in enumerate(self._keys) if self.entry(i).at < entry.at)
            row = next(found, len(self._keys))
        else:
            place = self._pages.place(entry.kind, entry.uuid, len(self._keys))
            if place is None:
                return -1
            row, key = place
        self.beginInsertRows(QModelIndex(), row, row)
        self._keys.insert(row, key)
        self._keep(key, entry)
        self.endInsertRows()
        return row

    def remove(self, kind: str, uuid: str) -> bool:
        """Stop showing a deleted entry."""
        row = self.row_of(kind, uuid)
        if row < 0:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        key = self._keys.pop(row)
        self._entries.pop(key, None)
        self._of.pop((kind, uuid), None)
        self._shown.pop(key, None)
        self.endRemoveRows()
        if self._pages is not None and isinstance(key[0], int):
            self._pages.forget(key)
        return True

    def row_of(self, kind: str, uuid: str) -> int:
        """The row of an entry, or -1."""
        key = self._of.get((str(kind), uuid))
        if key is None and self._pages is not None:
            key = self._pages.key_of(EntryKind(kind), uuid)
        try:
            return -1 if key is None else self._keys.index(key)
        except ValueError:
            return -1

    # ---- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role in (_DISPLAY, _SPOKEN):
                return _(COLUMNS[section])
            if role == _TOOLTIP:
                return _(SORT_TIPS[section])
        if orientation == Qt.Orientation.Vertical and role == _DISPLAY:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        row = index.row()
        shown = 0 <= row < len(self._keys)
        if index.column() == NOTE and shown and self.entry(row).kind is not EntryKind.SCREENING:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._keys) and 0 <= column < len(COLUMNS)) or not index.isValid():
            return None
        entry = self.entry(row)
        if role == SORT_ROLE:
            return _sort_keys(entry)[column]
        if role == _DISPLAY:
            return self._texts(row)[column]
        if role == _EDIT:
            return entry.note if column == NOTE else self._texts(row)[column]
        if role == _TOOLTIP:
            return self._tooltip(entry, column)
        if role == _SPOKEN:
            return self._spoken(entry, column)
        if role == KEY_ROLE:
            return entry.key
        return None

    def _texts(self, row: int) -> tuple[str, ...]:
        key = self._keys[row]
        texts = self._shown.get(key)
        if texts is None:
            texts = self._shown[key] = _display(self.entry(row))
        return texts

    def setData(self, index: Index, value: Any, role: int = _EDIT) -> bool:
        if (
            role != _EDIT
            or not index.isValid()
            or index.column() != NOTE
            or not 0 <= index.row() < len(self._keys)
        ):
            return False
        entry = self.entry(index.row())
        text = "" if value is None else str(value)
        if text.strip() == entry.note:
            return True  # nothing changed: no write, no signal
        try:
            updated = self._set_note(entry.kind, entry.uuid, text)
        except JournalError as exc:
            self.edit_failed.emit(str(exc))
            return False
        self.put(updated)
        self.note_edited.emit(updated)
        return True

    # ---- cells ------------------------------------------------------------------------

    @staticmethod
    def _spoken(entry: JournalEntry, column: int) -> str:
        day = entry.local_date
        if column == DATE:
            return long_date(day)
        if column == TIME:
            return clock_time(entry.local_time)
        if column == ENTRY:
            return _("{kind}: {title}").format(kind=entry.kind.label, title=entry.title)
        if column == SUMMARY:
            return entry.summary or _("No summary")
        return entry.note or _("No note")

    def _tooltip(self, entry: JournalEntry, column: int) -> str | None:
        if column == NOTE:
            if entry.kind is EntryKind.SCREENING:
                return None
            return entry.note or _("Double-click (or F2) to write a note")
        if column == DATE:
            return _("{date}, recorded in {zone} time").format(
                date=self._spoken(entry, DATE), zone=entry.zone
            )
        if column == SUMMARY:
            return entry.summary or None
        if column == ENTRY:  # the whole name, where two lines do not hold it
            return self._spoken(entry, ENTRY)
        return None


class JournalProxy(QIdentityProxyModel):
    """The model as the view shows it: sorting asks the model, which asks SQL (a proxy
    that sorted in Python would read every row of the journal to do so)."""

    def __init__(self, source: JournalModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._source = source

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)
