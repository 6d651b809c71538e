"""The Journal: every entry listed, notes edited, session pain corrected, deleted with undo."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.journal import (
    NOTE_MAX_LENGTH,
    EntryKind,
    JournalEntry,
)
from sciatica_journal.domain.language import N_, _, clock_time, medium_date
from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import (
    PainScores,
    SessionError,
    validate_pain,
)
from sciatica_journal.domain.validation import text_problem
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.journal_entries import EntryMaker
from sciatica_journal.services.journal_pages import JournalPages
from sciatica_journal.services.journal_screenings import screening_entry
from sciatica_journal.storage.journal_records import (
    Snapshot,
)
from sciatica_journal.storage.journal_rows import JournalRows
from sciatica_journal.storage.journal_store import JournalStore, RestoreError
from sciatica_journal.storage.red_flag_store import RedFlagStore

log = logging.getLogger(__name__)

GONE = {
    EntryKind.SESSION: N_("this exercise session is no longer in the journal"),
    EntryKind.CHECK_IN: N_("this symptom check-in is no longer in the journal"),
    EntryKind.NOTE: N_("this note is no longer in the journal"),
    EntryKind.SCREENING: N_("these safety answers are no longer in the journal"),
}


class JournalError(ValueError):
    """An edit, delete or undo that cannot be done; nothing was changed."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class UndoToken:
    """What ``delete`` hands back so that ``undo_delete`` can put the entry back."""

    kind: EntryKind
    uuid: str
    description: str  # e.g. "Baby press-ups on Tue 24 Nov 2026 at 15:00"
    _serial: int = field(repr=False)
    _snapshot: Snapshot = field(repr=False, compare=False)


def describe(entry: JournalEntry) -> str:
    return _("{title} on {date} at {time}").format(
        title=entry.title, date=medium_date(entry.local_date), time=clock_time(entry.local_time)
    )


class JournalService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        clock: Clock,
        store: JournalStore,
        screens: RedFlagStore | None = None,  # the safety answers are listed too
    ) -> None:
        self._screens = screens
        self._program = program
        self._catalog = catalog
        self._clock = clock
        self._store = store
        self._make = EntryMaker(program, catalog)
        kinds = frozenset(k for k in EntryKind if screens is not None or k != EntryKind.SCREENING)
        # The Journal's list, a page at a time, in plain SQL (10 years: ~33,000 entries).
        self.pages = JournalPages(self._make, JournalRows(store.journal), program, kinds)
        self._deletes = 0
        self._restored: set[int] = set()

    # ---- reading ----------------------------------------------------------------------

    def entries(self, limit: int | None = None) -> list[JournalEntry]:
        """Sessions, check-ins and notes, newest first (at most ``limit`` of them)."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise JournalError(_("the number of entries must be a whole number"), "limit")
        if limit is not None and limit < 0:
            raise JournalError(_("the number of entries cannot be negative"), "limit")
        pages = self.pages.open()
        return [entry for _key, entry in pages.next(limit if limit is not None else -1)]

    def titles(self) -> list[str]:
        """Every name an entry can have: the rungs' and the other kinds' (to size a column
        without reading the entries)."""
        names = [rung.name for rung in self._program.rungs]
        return names + [kind.label for kind in EntryKind if kind is not EntryKind.SESSION]

    def entry(self, kind: str, uuid: str) -> JournalEntry:
        """One entry as it is now; ``JournalError`` if there is no such entry."""
        entry_kind = self._kind(kind)
        if entry_kind is EntryKind.SESSION:
            session = self._store.session(uuid)
            if session is not None:
                return self._make.session(session)
        elif entry_kind is EntryKind.CHECK_IN:
            check_in = self._store.check_in(uuid)
            if check_in is not None:
                return self._make.check_in(check_in)
        elif entry_kind is EntryKind.SCREENING:
            screen = None if self._screens is None else self._screens.screen(uuid)
            if screen is not None:
                return screening_entry(screen, self._program.red_flags)
        else:
            note = self._store.note(uuid)
            if note is not None:
                return self._make.note(note)
        raise JournalError(_(GONE[entry_kind]), "uuid")

    # ---- editing ----------------------------------------------------------------------

    def set_note(self, kind: str, uuid: str, text: str) -> JournalEntry:
        """Replace the note of an entry (the text of a free note); returns the entry."""
        entry_kind = self._kind(kind)
        if entry_kind is EntryKind.SCREENING:
            raise JournalError(_("safety answers have no note"), "kind")
        clean = self._note_text(text, required=entry_kind is EntryKind.NOTE)
        if entry_kind is EntryKind.SESSION:
            done = self._store.set_session_note(uuid, clean, self._clock.now())
        elif entry_kind is EntryKind.CHECK_IN:
            done = self._store.set_check_in_note(uuid, clean)
        else:
            done = self._store.set_note_text(uuid, clean)
        if not done:
            raise JournalError(_(GONE[entry_kind]), "uuid")
        log.info("journal note edited (%s)", entry_kind.value)
        return self.entry(entry_kind, uuid)

    def add_note(self, text: str) -> JournalEntry:
        """A free note, written now."""
        clean = self._note_text(text, required=True)
        note_uuid = self._store.insert_note(clean, at=self._clock.now(), zone=self._clock.zone)
        log.info("journal note added")
        return self.entry(EntryKind.NOTE, note_uuid)

    def edit_session_pain(
        self,
        uuid: str,
        back_before: int,
        leg_before: int,
        back_after: int | None,
        leg_after: int | None,
    ) -> JournalEntry:
        """Correct a session's pain scores (0-10) and judge its outcome again (DESIGN §2.2
        rule 3, with the maps kept with the session). The scores after may be left out
        (both None) only for a session stopped for pain."""
        try:
            before = PainScores(
                back=validate_pain(back_before, "back_pain_before"),
                leg=validate_pain(leg_before, "leg_pain_before"),
            )
            after = None
            if back_after is not None or leg_after is not None:
                after = PainScores(
                    back=validate_pain(back_after, "back_pain_after"),
                    leg=validate_pain(leg_after, "leg_pain_after"),
                )
        except SessionError as exc:
            raise JournalError(str(exc), exc.field) from exc
        with self._store.atomic():
            record = self._store.session(uuid)
            if record is None:
                raise JournalError(_(GONE[EntryKind.SESSION]), "uuid")
            if after is None and not record.stopped_for_pain:
                raise JournalError(_("pain after the session is missing"), "pain_after")
            map_before, map_after = self._store.session_maps(record)
            outcome = session_outcome(
                pain_before=before,
                pain_after=after,
                map_before=map_before,
                map_after=map_after,
                stopped_for_pain=record.stopped_for_pain,
                catalog=self._catalog,
                thresholds=self._program.thresholds,
            )
            self._store.update_session_pain(
                uuid,
                back_before=before.back,
                leg_before=before.leg,
                back_after=None if after is None else after.back,
                leg_after=None if after is None else after.leg,
                outcome=outcome.value,
                now=self._clock.now(),
            )
        log.info("session pain scores edited")
        return self.entry(EntryKind.SESSION, uuid)

    # ---- deleting ---------------------------------------------------------------------

    def delete(self, kind: str, uuid: str) -> UndoToken:
        """Delete an entry (a session with its maps and red-flag answers); returns a token
        for ``undo_delete``."""
        entry = self.entry(kind, uuid)
        if entry.kind is EntryKind.SCREENING:
            raise JournalError(_("safety answers are kept in the journal"), "kind")
        snapshot: Snapshot | None
        if entry.kind is EntryKind.SESSION:
            snapshot = self._store.delete_session(uuid)
        elif entry.kind is EntryKind.CHECK_IN:
            snapshot = self._store.delete_check_in(uuid)
        else:
            snapshot = self._store.delete_note(uuid)
        if snapshot is None:
            raise JournalError(_(GONE[entry.kind]))
        log.info("journal entry deleted (%s)", entry.kind.value)
        self._deletes += 1
        return UndoToken(
            kind=entry.kind,
            uuid=uuid,
            description=describe(entry),
            _serial=self._deletes,
            _snapshot=snapshot,
        )

    def undo_delete(self, token: UndoToken) -> JournalEntry:
        """Put a deleted entry back exactly as it was; returns it."""
        if not isinstance(token, UndoToken):
            raise JournalError(_("there is nothing to undo"))
        if token._serial in self._restored:
            raise JournalError(_("this delete was already undone"))
        try:
            self._store.restore(token._snapshot)
        except RestoreError as exc:
            raise JournalError(str(exc)) from exc
        self._restored.add(token._serial)
        log.info("journal delete undone (%s)", token.kind.value)
        return self.entry(token.kind, token.uuid)

    # ---- helpers ----------------------------------------------------------------------

    @staticmethod
    def _kind(kind: str) -> EntryKind:
        try:
            return EntryKind(kind)
        except ValueError:
            raise JournalError(
                _("unknown kind of journal entry {kind}").format(kind=repr(kind)), "kind"
            ) from None

    @staticmethod
    def _note_text(text: str, *, required: bool) -> str:
        if not isinstance(text, str):
            raise JournalError(_("a note must be text"), "note")
        clean = text.strip()
        problem = text_problem(clean)
        if problem is not None:
            raise JournalError(_("the note {problem}").format(problem=problem), "note")
        if len(clean) > NOTE_MAX_LENGTH:
            raise JournalError(
                _("the note is longer than {n} characters").format(n=NOTE_MAX_LENGTH), "note"
            )
        if required and not clean:
            raise JournalError(_("a note cannot be empty (delete it instead)"), "note")
        return clean
