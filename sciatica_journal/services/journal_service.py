"""The Journal: every entry listed, notes edited, session pain corrected, deleted with undo."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.doses import complete_in
from sciatica_journal.domain.journal import (
    NOTE_MAX_LENGTH,
    EntryKind,
    JournalEntry,
    check_in_summary,
    session_summary,
)
from sciatica_journal.domain.language import N_, _, clock_time, medium_date
from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import (
    Outcome,
    PainScores,
    PressUpRange,
    SessionError,
    validate_pain,
)
from sciatica_journal.domain.timekeeping import local_time, parse_utc
from sciatica_journal.domain.validation import text_problem
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.journal_screenings import screening_entry
from sciatica_journal.storage.journal_records import (
    MapRecord,
    NoteRecord,
    SessionRecord,
    Snapshot,
)
from sciatica_journal.storage.journal_store import JournalStore, RestoreError
from sciatica_journal.storage.red_flag_store import RedFlagStore

log = logging.getLogger(__name__)

KIND_ORDER = {
    EntryKind.SESSION: 3,
    EntryKind.SCREENING: 2,
    EntryKind.CHECK_IN: 1,
    EntryKind.NOTE: 0,
}
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
        self._deletes = 0
        self._restored: set[int] = set()

    # ---- reading ----------------------------------------------------------------------

    def entries(self, limit: int | None = None) -> list[JournalEntry]:
        """Sessions, check-ins and notes, newest first (at most ``limit`` of them)."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise JournalError(_("the number of entries must be a whole number"), "limit")
        if limit is not None and limit < 0:
            raise JournalError(_("the number of entries cannot be negative"), "limit")
        found = [self._session_entry(r) for r in self._store.recent_sessions(limit)]
        found += [self._check_in_entry(r) for r in self._store.recent_check_ins(limit)]
        found += [self._note_entry(r) for r in self._store.recent_notes(limit)]
        if self._screens is not None:
            questions = self._program.red_flags
            found += [screening_entry(r, questions) for r in self._screens.recent_screens(limit)]
        # Each list is already newest first (ties: last saved first); the sort is stable.
        found.sort(key=lambda e: (e.at, KIND_ORDER[e.kind]), reverse=True)
        return found if limit is None else found[:limit]

    def entry(self, kind: str, uuid: str) -> JournalEntry:
        """One entry as it is now; ``JournalError`` if there is no such entry."""
        entry_kind = self._kind(kind)
        if entry_kind is EntryKind.SESSION:
            session = self._store.session(uuid)
            if session is not None:
                return self._session_entry(session)
        elif entry_kind is EntryKind.CHECK_IN:
            check_in = self._store.check_in(uuid)
            if check_in is not None:
                return self._check_in_entry(check_in)
        elif entry_kind is EntryKind.SCREENING:
            screen = None if self._screens is None else self._screens.screen(uuid)
            if screen is not None:
                return screening_entry(screen, self._program.red_flags)
        else:
            note = self._store.note(uuid)
            if note is not None:
                return self._note_entry(note)
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

    def _when(self, utc_text: str, zone: str) -> tuple[dt.datetime, dt.date, dt.time]:
        try:  # much faster than strptime for thousands of rows
            at = dt.datetime.fromisoformat(utc_text).astimezone(dt.UTC)
        except ValueError:
            at = parse_utc(utc_text)
        local = local_time(at, zone)
        return at, local.date(), local.time()

    def _rung_name(self, slug: str) -> str:
        return self._program.rung(slug).name if self._program.has_rung(slug) else slug

    def _session_entry(self, record: SessionRecord) -> JournalEntry:
        at, day, time = self._when(record.started_at, record.zone)
        before = PainScores(back=record.back_pain_before, leg=record.leg_pain_before)
        after = None
        if record.back_pain_after is not None and record.leg_pain_after is not None:
            after = PainScores(back=record.back_pain_after, leg=record.leg_pain_after)
        outcome = Outcome(record.outcome)
        complete = complete_in(
            self._program,
            record.rung,
            record.reps_done,
            record.hold_seconds,
            record.stopped_for_pain,
        )
        rung = self._program.rung(record.rung) if self._program.has_rung(record.rung) else None
        summary = session_summary(
            pain_before=before,
            pain_after=after,
            outcome=outcome,
            reps_done=record.reps_done,
            hold_seconds=record.hold_seconds,
            range_reached=None
            if record.range_reached is None
            else PressUpRange(record.range_reached),
            pelvis_stayed_down=record.pelvis_stayed_down,
            stopped_for_pain=record.stopped_for_pain,
            rung=rung,
            planned=record.planned,
            complete=complete,
            against_advice=bool(record.against_advice),
        )
        return JournalEntry(
            kind=EntryKind.SESSION,
            uuid=record.uuid,
            at=at,
            zone=record.zone,
            local_date=day,
            local_time=time,
            title=self._rung_name(record.rung),
            summary=summary,
            note=record.note,
            pain_before=before,
            pain_after=after,
            outcome=outcome,
            stopped_for_pain=record.stopped_for_pain,
            complete=complete,
        )

    def _check_in_entry(self, record: MapRecord) -> JournalEntry:
        at, day, time = self._when(record.recorded_at, record.zone)
        return JournalEntry(
            kind=EntryKind.CHECK_IN,
            uuid=record.uuid,
            at=at,
            zone=record.zone,
            local_date=day,
            local_time=time,
            title=EntryKind.CHECK_IN.label,
            summary=check_in_summary(record.symptoms(), self._catalog),
            note=record.note,
        )

    def _note_entry(self, record: NoteRecord) -> JournalEntry:
        at, day, time = self._when(record.written_at, record.zone)
        return JournalEntry(
            kind=EntryKind.NOTE,
            uuid=record.uuid,
            at=at,
            zone=record.zone,
            local_date=day,
            local_time=time,
            title=EntryKind.NOTE.label,
            summary="",
            note=record.text,
        )
