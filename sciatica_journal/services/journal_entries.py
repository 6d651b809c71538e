"""The journal's records as the rows the Journal shows (``JournalEntry``): the time in the
zone each was recorded in, the entry's name and a one-line summary, in the user's language."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.doses import complete_in
from sciatica_journal.domain.journal import (
    EntryKind,
    JournalEntry,
    check_in_summary,
    session_summary,
)
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.red_flags import RecordedScreen
from sciatica_journal.domain.sessions import Outcome, PainScores, PressUpRange
from sciatica_journal.domain.timekeeping import local_time, parse_utc
from sciatica_journal.services.journal_screenings import screening_entry
from sciatica_journal.storage.journal_records import MapRecord, NoteRecord, SessionRecord

Record = SessionRecord | MapRecord | NoteRecord | RecordedScreen


def _when(utc_text: str, zone: str) -> tuple[dt.datetime, dt.date, dt.time]:
    try:  # much faster than strptime for thousands of rows
        at = dt.datetime.fromisoformat(utc_text).astimezone(dt.UTC)
    except ValueError:
        at = parse_utc(utc_text)
    local = local_time(at, zone)
    return at, local.date(), local.time()


class EntryMaker:
    """Turns records into ``JournalEntry`` rows, with the programme's names."""

    def __init__(self, program: Program, catalog: RegionCatalog) -> None:
        self._program = program
        self._catalog = catalog

    def entry(self, record: Record) -> JournalEntry:
        if isinstance(record, SessionRecord):
            return self.session(record)
        if isinstance(record, MapRecord):
            return self.check_in(record)
        if isinstance(record, NoteRecord):
            return self.note(record)
        return screening_entry(record, self._program.red_flags)

    def rung_name(self, slug: str) -> str:
        return self._program.rung(slug).name if self._program.has_rung(slug) else slug

    def session(self, record: SessionRecord) -> JournalEntry:
        at, day, time = _when(record.started_at, record.zone)
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
        program = self._program
        rung = program.rung(record.rung) if program.has_rung(record.rung) else None
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
            title=self.rung_name(record.rung),
            summary=summary,
            note=record.note,
            pain_before=before,
            pain_after=after,
            outcome=outcome,
            stopped_for_pain=record.stopped_for_pain,
            complete=complete,
        )

    def check_in(self, record: MapRecord) -> JournalEntry:
        at, day, time = _when(record.recorded_at, record.zone)
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

    def note(self, record: NoteRecord) -> JournalEntry:
        at, day, time = _when(record.written_at, record.zone)
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
