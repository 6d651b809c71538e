"""The domain rules applied to a schema-valid import document, entry by entry (known
regions and exercises, pain 0-10, times neither reversed nor in the future, each UUID once and
not already another entry's), building the records to write."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sciatica_journal.domain.body import RegionCatalog, SymptomMap
from sciatica_journal.domain.language import _
from sciatica_journal.domain.measures import MeasureSet
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    SessionError,
    validate_new_session,
    validate_pain,
)
from sciatica_journal.domain.timekeeping import format_utc, local_date
from sciatica_journal.domain.validation import EARLIEST
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.transfer.local_days import LocalDays
from sciatica_journal.services.transfer.map_reading import map_record
from sciatica_journal.services.transfer.measure_reading import measure_record
from sciatica_journal.services.transfer.profile_reading import profile_record
from sciatica_journal.services.transfer.results import fail
from sciatica_journal.services.transfer.schema_messages import show
from sciatica_journal.storage.transfer_records import (
    JournalContents,
    NoteRecord,
    ScreenRecord,
    SessionRecord,
)
from sciatica_journal.storage.transfer_store import TransferStore

FUTURE_TOLERANCE = dt.timedelta(minutes=1)  # as for a session saved in the app
UUID_LENGTH = 36


_SESSION_FIELDS = {
    "start": "started_at",
    "end": "ended_at",
    "back_pain_before": "pain.back_before",
    "leg_pain_before": "pain.leg_before",
    "back_pain_after": "pain.back_after",
    "leg_pain_after": "pain.leg_after",
    "pain_after": "pain",
}


_NO_MAP = SymptomMap()  # validate_new_session does not look at a session's maps
_SCORES = range(11)


def _plain_scores(pain: dict[str, Any]) -> bool:
    """Whether a session's pain is plainly what ``DocumentReader._pain`` accepts: whole
    numbers 0-10, the two after both given or both null."""
    back, leg = pain["back_after"], pain["leg_after"]
    return (
        pain["back_before"].__class__ is int
        and pain["back_before"] in _SCORES
        and pain["leg_before"].__class__ is int
        and pain["leg_before"] in _SCORES
        and (
            (back is None and leg is None)
            or (
                back.__class__ is int
                and back in _SCORES
                and leg.__class__ is int
                and leg in _SCORES
            )
        )
    )


class DocumentReader:
    """Applies the domain rules to a schema-valid document and builds the records."""

    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        clock: Clock,
        store: TransferStore,
        measures: MeasureSet,
    ) -> None:
        self._program = program
        self._measures = measures
        self.catalog = catalog
        self._store = store  # what the journal already holds
        self._now = clock.now()
        self._today = local_date(self._now, clock.zone)
        self._seen: dict[str, dict[str, str]] = {}  # table -> uuid -> place first seen
        self._zones: set[str] = set()  # zones known to exist
        self.days = LocalDays()  # the local dates of times in zones
        self._moments: dict[str, dt.datetime] = {}  # each time's text, parsed
        self._red_flag_codes = frozenset(q.code for q in program.red_flags)
        self._rungs = frozenset(r.slug for r in program.rungs)

    def read(self, doc: dict[str, Any]) -> JournalContents:
        profile = (
            profile_record(doc["profile"], self._program, self._today) if "profile" in doc else None
        )
        sessions = tuple(self._session(s, f"sessions[{i}]") for i, s in enumerate(doc["sessions"]))
        check_ins = tuple(
            map_record(self, m, f"check_ins[{i}]", None) for i, m in enumerate(doc["check_ins"])
        )
        self._maps_not_reused(sessions)
        in_file = {s.uuid for s in sessions}
        linked = {
            u.lower() for s in doc["red_flag_screens"] if isinstance(u := s.get("session"), str)
        }
        known = in_file | self._store.existing_session_uuids(linked - in_file)  # built once
        screens = tuple(
            self._screen(s, f"red_flag_screens[{i}]", known)
            for i, s in enumerate(doc["red_flag_screens"])
        )
        notes = tuple(self._note(n, f"notes[{i}]") for i, n in enumerate(doc["notes"]))
        measures = tuple(  # absent in files written before the weekly measures
            measure_record(self, self._measures, m, f"measures[{i}]")
            for i, m in enumerate(doc.get("measures", ()))
        )
        return JournalContents(
            profile=profile,
            sessions=sessions,
            check_ins=check_ins,
            screens=screens,
            notes=notes,
            measures=measures,
        )

    def _maps_not_reused(self, sessions: tuple[SessionRecord, ...]) -> None:
        """A new session's maps must be new too: a map UUID the journal already holds
        belongs to another entry, and linking to it would join two entries."""
        if not self._store.holds_sessions_or_maps():  # a new journal: nothing to look up
            return
        known = self._store.existing_session_uuids({s.uuid for s in sessions})
        fresh = [(i, s) for i, s in enumerate(sessions) if s.uuid not in known]
        wanted = {m.uuid for _, s in fresh for m in (s.map_before, s.map_after) if m}
        taken = self._store.map_uuids_in_use(wanted)
        if not taken:
            return
        for i, s in fresh:
            for key, m in (("map_before", s.map_before), ("map_after", s.map_after)):
                if m is not None and m.uuid in taken:
                    fail(
                        f"sessions[{i}].{key}.uuid",
                        _("{uuid} is already used by another entry of the journal").format(
                            uuid=m.uuid
                        ),
                    )

    # fields shared by every entry

    def uuid(self, value: str, place: str, table: str) -> str:
        if len(value) != UUID_LENGTH:  # the schema's "$" lets a trailing newline through
            fail(f"{place}.uuid", _("{value} is not a UUID").format(value=show(value)))
        uuid = value.lower()
        seen = self._seen.setdefault(table, {})
        if uuid in seen:
            fail(
                f"{place}.uuid",
                _("{uuid} appears twice in the file (also at {place})").format(
                    uuid=uuid, place=seen[uuid]
                ),
            )
        seen[uuid] = place
        return uuid

    def _parse(self, value: str, place: str) -> dt.datetime:
        """A UTC time of the form the schema allows (fromisoformat: 20x faster than strptime),
        each text parsed once (a session's start is its first map's time, and so on)."""
        found = self._moments.get(value)
        if found is not None:
            return found
        try:
            moment = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
        except (ValueError, OverflowError):
            fail(place, _("{value} is not a real date and time").format(value=show(value)))
        if moment < EARLIEST:
            fail(
                place,
                _("{value} is before {year}: not a time of this journal").format(
                    value=value, year=EARLIEST.year
                ),
            )
        self._moments[value] = moment
        return moment

    @staticmethod
    def utc_text(value: str, moment: dt.datetime) -> str:
        """The stored form of a parsed time: the schema's form is ``format_utc``'s already."""
        return value if len(value) == len("2026-11-24T14:00:00Z") else format_utc(moment)

    def time(self, value: str, place: str) -> dt.datetime:
        """A UTC time, not in the future."""
        moment = self._parse(value, place)
        if moment > self._now + FUTURE_TOLERANCE:
            fail(place, _("{value} is in the future").format(value=value))
        return moment

    def zone(self, value: str, place: str) -> str:
        if value not in self._zones:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                fail(place, _("unknown time zone {value}").format(value=show(value)))
            self._zones.add(value)
        return value

    def local_day(self, doc: dict[str, Any], place: str, moment: dt.datetime, zone: str) -> str:
        expected = self.days.of(moment, zone)
        if doc["local_date"] != expected:
            fail(
                f"{place}.local_date",
                _("{value} is not the local date of that time in {zone} ({expected})").format(
                    value=show(doc["local_date"]), zone=zone, expected=expected
                ),
            )
        return expected

    # the kinds of entry

    def _session(self, doc: dict[str, Any], place: str) -> SessionRecord:
        uuid = self.uuid(doc["uuid"], place, "session")
        if doc["rung"] not in self._rungs:
            fail(f"{place}.rung", _("unknown exercise {value}").format(value=show(doc["rung"])))
        zone = self.zone(doc["zone"], f"{place}.zone")
        started = self._parse(doc["started_at"], f"{place}.started_at")
        ended = self._parse(doc["ended_at"], f"{place}.ended_at")
        if ended < started:
            fail(
                f"{place}.ended_at",
                _("the session ends ({end}) before it starts ({start})").format(
                    end=doc["ended_at"], start=doc["started_at"]
                ),
            )
        if ended > self._now + FUTURE_TOLERANCE:  # what self.time checks, parsed already
            fail(f"{place}.ended_at", _("{value} is in the future").format(value=doc["ended_at"]))
        day = self.local_day(doc, place, started, zone)
        pain = doc["pain"]
        if not _plain_scores(pain):
            self._pain(pain, place)
        maps = {}
        for key, context in (("map_before", "before"), ("map_after", "after")):
            found = doc.get(key)
            maps[key] = (
                None if found is None else map_record(self, found, f"{place}.{key}", context)
            )
        range_reached = doc.get("range_reached")
        new = NewSession(
            rung=doc["rung"],
            started_at=started,
            ended_at=ended,
            pain_before=PainScores(pain["back_before"], pain["leg_before"]),
            pain_after=None
            if pain["back_after"] is None
            else PainScores(pain["back_after"], pain["leg_after"]),
            # The maps were checked above; validate_new_session does not look at them.
            map_before=_NO_MAP,
            map_after=None,
            reps_done=doc.get("reps_done"),
            hold_seconds=doc.get("hold_seconds"),
            planned=doc.get("planned"),  # absent in files written before rule 9
            range_reached=None if range_reached is None else PressUpRange(range_reached),
            pelvis_stayed_down=doc.get("pelvis_stayed_down"),
            stopped_for_pain=doc["stopped_for_pain"],
            note=doc.get("note", ""),
            # Absent in files written before choices against the advice were recorded.
            against_advice=doc.get("against_advice", False),
        )
        try:
            validate_new_session(new, self._program, self._now)
        except SessionError as exc:
            fail(f"{place}.{_SESSION_FIELDS.get(exc.field, exc.field)}", str(exc))
        return SessionRecord(
            uuid=uuid,
            rung=new.rung,
            started_at=self.utc_text(doc["started_at"], started),
            ended_at=self.utc_text(doc["ended_at"], ended),
            zone=zone,
            local_date=day,
            back_pain_before=new.pain_before.back,
            leg_pain_before=new.pain_before.leg,
            back_pain_after=None if new.pain_after is None else new.pain_after.back,
            leg_pain_after=None if new.pain_after is None else new.pain_after.leg,
            outcome=Outcome(doc["outcome"]).value,
            reps_done=new.reps_done,
            hold_seconds=new.hold_seconds,
            range_reached=range_reached,
            pelvis_stayed_down=new.pelvis_stayed_down,
            stopped_for_pain=new.stopped_for_pain,
            note=new.note,
            map_before=maps["map_before"],
            map_after=maps["map_after"],
            planned=new.planned,
            against_advice=new.against_advice,
        )

    @staticmethod
    def _pain(pain: dict[str, Any], place: str) -> None:
        """A session's pain scores, checked one by one: the first problem is named."""
        for key in ("back_before", "leg_before", "back_after", "leg_after"):
            if pain[key] is None and key.endswith("_after"):
                continue
            try:
                validate_pain(pain[key], key)
            except SessionError:
                fail(
                    f"{place}.pain.{key}",
                    _("{value} is outside 0-10").format(value=show(pain[key])),
                )
        if (pain["back_after"] is None) != (pain["leg_after"] is None):
            fail(f"{place}.pain", _("back_after and leg_after must both be scores or both null"))

    def _screen(self, doc: dict[str, Any], place: str, sessions: set[str]) -> ScreenRecord:
        uuid = self.uuid(doc["uuid"], place, "red_flag_screen")
        moment = self.time(doc["answered_at"], f"{place}.answered_at")
        zone = self.zone(doc["zone"], f"{place}.zone")
        day = self.local_day(doc, place, moment, zone)
        for code in doc["answers"]:
            if code not in self._red_flag_codes:
                fail(f"{place}.answers.{code}", _("not a red-flag question of this version"))
        session = doc.get("session")
        if session is not None:
            session = session.lower()
            if session not in sessions:
                fail(
                    f"{place}.session",
                    _("no session {uuid} in the file or the journal").format(uuid=session),
                )
        return ScreenRecord(
            uuid=uuid,
            answered_at=self.utc_text(doc["answered_at"], moment),
            zone=zone,
            local_date=day,
            trigger=doc["trigger"],
            result=doc["result"],
            answers=tuple((code, bool(yes)) for code, yes in doc["answers"].items()),
            session_uuid=session,
        )

    def _note(self, doc: dict[str, Any], place: str) -> NoteRecord:
        uuid = self.uuid(doc["uuid"], place, "journal_note")
        moment = self.time(doc["written_at"], f"{place}.written_at")
        zone = self.zone(doc["zone"], f"{place}.zone")
        return NoteRecord(
            uuid=uuid,
            written_at=self.utc_text(doc["written_at"], moment),
            zone=zone,
            local_date=self.local_day(doc, place, moment, zone),
            text=doc["text"],
        )
