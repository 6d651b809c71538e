"""The JSON document of an export (``docs/journal-format.md``): the journal's records as
plain values, the name and birth date left out on request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sciatica_journal import __version__
from sciatica_journal.domain.doses import complete_in
from sciatica_journal.domain.profile import Profile
from sciatica_journal.domain.program import Program
from sciatica_journal.storage.transfer_records import (
    JournalContents,
    MapRecord,
    MeasureRecord,
    NoteRecord,
    ScreenRecord,
    SessionRecord,
)

FORMAT = "sciatica-journal"
VERSION = 1


def journal_document(
    contents: JournalContents, *, exported_at: str, include_identity: bool, program: Program
) -> dict[str, Any]:
    """The whole journal as one document: the header, the profile, then every entry (each
    session with ``complete`` judged by ``program``'s doses)."""
    head, lists = journal_parts(
        contents, exported_at=exported_at, include_identity=include_identity, program=program
    )
    return {**head, **{key: list(entries) for key, entries in lists}}


def journal_parts(
    contents: JournalContents, *, exported_at: str, include_identity: bool, program: Program
) -> tuple[dict[str, Any], list[tuple[str, Iterator[dict[str, Any]]]]]:
    """The document of ``journal_document`` in parts, for writing it entry by entry: the
    header (with the profile), then each list's key and its entries, made as they are
    taken."""
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at,
        "app_version": __version__,
    }
    if contents.profile is not None:
        head["profile"] = _profile_doc(contents.profile, include_identity)
    lists: list[tuple[str, Iterator[dict[str, Any]]]] = [
        (
            "sessions",
            (session_doc(s, complete=session_complete(s, program)) for s in contents.sessions),
        ),
        ("check_ins", (map_doc(m) for m in contents.check_ins)),
        ("red_flag_screens", (screen_doc(s) for s in contents.screens)),
        ("notes", (_note_doc(n) for n in contents.notes)),
        ("measures", (_measure_doc(m) for m in contents.measures)),
    ]
    return head, lists


def _profile_doc(profile: Profile, include_identity: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    if include_identity and profile.name:
        doc["name"] = profile.name
    if include_identity and profile.birth_date is not None:
        doc["birth_date"] = profile.birth_date.isoformat()
    doc.update(
        affected_side=profile.affected_side.value,
        target_min=profile.target_min,
        target_max=profile.target_max,
        waking_start=profile.waking_start.strftime("%H:%M"),
        waking_end=profile.waking_end.strftime("%H:%M"),
        reminders_enabled=profile.reminders_enabled,
        starting_rung=profile.starting_rung,
    )
    return doc


def map_doc(m: MapRecord) -> dict[str, Any]:
    return {
        "uuid": m.uuid,
        "recorded_at": m.recorded_at,
        "zone": m.zone,
        "context": m.context,
        "note": m.note,
        "marks": [{"region": k.region, "kind": k.kind, "intensity": k.intensity} for k in m.marks],
    }


def session_complete(s: SessionRecord, program: Program) -> bool:
    """Whether an exported session counts (rule 9): derived, never read back."""
    return complete_in(program, s.rung, s.reps_done, s.hold_seconds, s.stopped_for_pain)


def session_doc(s: SessionRecord, *, complete: bool | None) -> dict[str, Any]:
    """A session's entry, ``complete`` judged by the caller (``session_complete``)."""
    return {
        "uuid": s.uuid,
        "rung": s.rung,
        "started_at": s.started_at,
        "ended_at": s.ended_at,
        "zone": s.zone,
        "local_date": s.local_date,
        "pain": {
            "back_before": s.back_pain_before,
            "leg_before": s.leg_pain_before,
            "back_after": s.back_pain_after,
            "leg_after": s.leg_pain_after,
        },
        "outcome": s.outcome,
        "reps_done": s.reps_done,
        "hold_seconds": s.hold_seconds,
        "planned": s.planned,
        "complete": complete,
        "range_reached": s.range_reached,
        "pelvis_stayed_down": s.pelvis_stayed_down,
        "stopped_for_pain": s.stopped_for_pain,
        "against_advice": s.against_advice,
        "note": s.note,
        "map_before": None if s.map_before is None else map_doc(s.map_before),
        "map_after": None if s.map_after is None else map_doc(s.map_after),
    }


def screen_doc(s: ScreenRecord) -> dict[str, Any]:
    return {
        "uuid": s.uuid,
        "answered_at": s.answered_at,
        "zone": s.zone,
        "local_date": s.local_date,
        "trigger": s.trigger,
        "result": s.result,
        "answers": dict(s.answers),
        "session": s.session_uuid,
    }


def _note_doc(n: NoteRecord) -> dict[str, Any]:
    return {
        "uuid": n.uuid,
        "written_at": n.written_at,
        "zone": n.zone,
        "local_date": n.local_date,
        "text": n.text,
    }


def _measure_doc(m: MeasureRecord) -> dict[str, Any]:
    return {
        "uuid": m.uuid,
        "measure": m.measure,
        "answered_at": m.answered_at,
        "zone": m.zone,
        "local_date": m.local_date,
        "answers": [{"item": a.item, "value": a.value, "activity": a.activity} for a in m.answers],
    }
