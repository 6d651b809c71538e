"""The Journal's list read a page at a time: the first page of entries straight from SQL
(a ten-year journal holds some 33,000; the page opens with a screenful), the order of all
the others in one statement when the list is scrolled past it, and each page's entries
read whole only when it is shown. Which kinds are listed and their order are SQLite's work
(``storage.journal_rows``); this module gives it the names and the zones' offsets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.timekeeping import format_utc, parse_utc, zone
from sciatica_journal.services.journal_entries import EntryMaker
from sciatica_journal.storage.journal_rows import (
    COLUMNS,
    Cursor,
    JournalRows,
    Key,
    Listing,
    Offset,
)

PAGE = 100  # entries read at a time: a few screenfuls
__all__ = ["PAGE", "JournalPages", "Key", "Pages", "zone_offsets"]
DAY = 86400


def zone_offsets(name: str, first: str, last: str) -> list[Offset]:
    """The offsets from UTC of zone ``name`` between two instants (UTC text), as
    intervals ``(zone, from, to, seconds)``; the first begins at "", the last ends at
    "9999" (every instant is in one of them)."""
    tz = zone(name)

    def offset(seconds: int) -> int:
        moment = dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone(tz)
        change = moment.utcoffset()
        return 0 if change is None else int(change.total_seconds())

    start = int(parse_utc(first).timestamp()) - DAY
    end = int(parse_utc(last).timestamp()) + DAY
    found: list[Offset] = []
    begin, now = "", offset(start)
    for day in range(start, end, DAY):
        if offset(day + DAY) == now:
            continue
        low, high = day, day + DAY  # the change is in (low, high]: find its second
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == now else (low, middle)
        moment = format_utc(dt.datetime.fromtimestamp(high, dt.UTC))
        found.append((name, begin, moment, now))
        begin, now = moment, offset(high)
    found.append((name, begin, "9999", now))
    return found


class Pages:
    """One listing of the journal: its entries' keys handed out in order a page at a time
    (``next_keys``), the entries themselves read whole when they are shown (``entries_of``)."""

    def __init__(self, rows: JournalRows, make: EntryMaker, listing: Listing) -> None:
        self._rows = rows
        self._make = make
        self.listing = listing
        self._given: set[Key] = set()
        self._first = True
        self._done = False
        self._cursor: Cursor | None = None  # by the instant: the last entry handed out
        self._rest: list[Key] | None = None  # other orders: the others' order, once needed
        self._next = 0  # in ``_rest``

    @property
    def done(self) -> bool:
        return self._done

    def next_keys(self, count: int = PAGE) -> list[Key]:
        """The keys of the next ``count`` entries of the listing (fewer at its end; -1:
        all), none handed out before."""
        if self._done:
            return []
        if self.listing.column == "at":  # each page from where the last ended (an index)
            places = self._rows.places(self.listing, count, self._cursor)
            self._done = count < 0 or len(places) < count
            self._cursor = places[-1] if places else self._cursor
            keys = [(tie, row_id) for _at, tie, row_id in places]
        elif self._first:  # a screenful for the page to open with ...
            keys = self._rows.keys(self.listing, limit=count)
            self._done = count < 0 or len(keys) < count
        else:  # ... and the order of all the others at once, when scrolled past it
            if self._rest is None:
                self._rest = [k for k in self._rows.keys(self.listing) if k not in self._given]
            keys = self._rest[self._next : self._next + count] if count >= 0 else self._rest
            self._next += len(keys)
            self._done = self._next >= len(self._rest)
        self._first = False
        fresh = [key for key in keys if key not in self._given]
        self._given.update(fresh)
        return fresh

    def through(self, before: Pages, shown: int) -> list[Key]:
        """The keys of a listing read again (a refresh): as far as ``before`` (the same
        listing, read earlier) had got — through the same entry in the order by the
        instant, else as many as the ``shown`` rows."""
        if self.listing.column != "at" or before._cursor is None or not self._first:
            return self.next_keys(max(PAGE, shown))
        places = self._rows.places(self.listing, -1, before._cursor, through=True)
        self._first = False
        self._cursor = before._cursor  # a later page reads on from there
        keys = [(tie, row_id) for _at, tie, row_id in places]
        self._given.update(keys)
        return keys

    def next(self, count: int = PAGE) -> list[tuple[Key, JournalEntry]]:
        """The next ``count`` entries, read whole."""
        keys = self.next_keys(count)
        found = self.entries_of(keys)
        return [(key, found[key]) for key in keys if key in found]

    def entries_of(self, keys: Sequence[Key]) -> dict[Key, JournalEntry]:
        """The entries of ``keys`` read whole (one no longer in the journal is left out)."""
        found = self._rows.read(keys)
        return {key: self._make.entry(record) for key, record in found.items()}

    def key_of(self, kind: EntryKind, uuid: str) -> Key | None:
        return self._rows.key_of(kind, uuid)

    def place(self, kind: EntryKind, uuid: str, shown: int) -> tuple[int, Key] | None:
        """Where an entry added (or brought back) now goes among the ``shown`` entries
        handed out: its row and key, or None when it is not among them (it comes with a
        later page, or is not listed)."""
        key = self._rows.key_of(kind, uuid)
        if key is None:
            return None
        keys = self._rows.keys(self.listing, limit=shown + 1)
        if key not in keys or (keys.index(key) == shown and not self.done):
            if self._rest is not None and key not in self._rest:
                self._rest = None  # read the order of the others again when scrolled to
                self._next = 0
                self._done = False
            return None
        self._given.add(key)
        return keys.index(key), key

    def forget(self, key: Key) -> None:
        """An entry no longer shown (deleted): a later page may bring it back."""
        self._given.discard(key)


class JournalPages:
    """Opens listings of the journal (``open``)."""

    def __init__(
        self,
        make: EntryMaker,
        rows: JournalRows,
        program: Program,
        kinds: frozenset[EntryKind] = frozenset(EntryKind),
    ) -> None:
        self._make = make
        self._rows = rows
        self._program = program
        self.kinds = kinds  # the kinds there are to list
        self._offsets: dict[tuple[object, ...], list[Offset]] = {}

    def open(
        self,
        kinds: Iterable[EntryKind] | None = None,
        column: str = "at",
        descending: bool = True,
    ) -> Pages:
        """A listing of ``kinds`` (None: every kind) sorted by ``column`` (one of
        ``COLUMNS``: the instant, the time of day, the entry's name, its summary, its
        note), newest first within equal values."""
        if column not in COLUMNS:
            raise ValueError(f"the journal cannot be sorted by {column!r}")
        shown = self.kinds if kinds is None else frozenset(kinds) & self.kinds
        listing = Listing(kinds=shown, column=column, descending=descending)
        if column == "title":
            listing = Listing(
                kinds=shown,
                column=column,
                descending=descending,
                rung_titles=[(r.slug, r.name.casefold()) for r in self._program.rungs],
                kind_titles={
                    k: k.label.casefold() for k in EntryKind if k is not EntryKind.SESSION
                },
            )
        elif column == "time":
            listing = Listing(
                kinds=shown, column=column, descending=descending, offsets=self.offsets()
            )
        return Pages(self._rows, self._make, listing)

    def offsets(self) -> list[Offset]:
        """The offsets of every zone the journal's entries were recorded in."""
        span = self._rows.span()
        if span is None:
            return []
        zones = (*self._rows.zones(), *span)
        if zones not in self._offsets:  # worked out again when the zones or the span change
            found = [o for name in zones[:-2] for o in zone_offsets(name, *span)]
            self._offsets = {zones: found}
        return self._offsets[zones]
