"""The domain rules for the symptom maps of an import (``check_ins[]`` and a session's
``map_before`` / ``map_after``): known body regions and symptom kinds, intensities 1-3,
each region and kind once in a map, and the time rules every entry keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sciatica_journal.domain.body import INTENSITY_NAMES, RegionCatalog, SymptomKind
from sciatica_journal.domain.language import _
from sciatica_journal.services.transfer.results import fail
from sciatica_journal.services.transfer.schema_messages import show
from sciatica_journal.storage.transfer_records import MapRecord, MarkRecord

if TYPE_CHECKING:
    from sciatica_journal.services.transfer.document_reader import DocumentReader

_KINDS = frozenset(k.value for k in SymptomKind)


def map_record(
    reader: DocumentReader, doc: dict[str, Any], place: str, context: str | None
) -> MapRecord:
    """A symptom map of an import (a check-in, or a session's map with its ``context``)."""
    uuid = reader.uuid(doc["uuid"], place, "symptom_map")
    if context is not None and doc["context"] != context:
        fail(
            f"{place}.context",
            _("must be {expected}, not {value}").format(
                expected=repr(context), value=show(doc["context"])
            ),
        )
    moment = reader.time(doc["recorded_at"], f"{place}.recorded_at")
    zone = reader.zone(doc["zone"], f"{place}.zone")
    marks = _checked_marks(doc, place, reader.catalog)
    return MapRecord(
        uuid=uuid,
        recorded_at=reader.utc_text(doc["recorded_at"], moment),
        zone=zone,
        local_date=reader.days.of(moment, zone),
        context=doc["context"],
        note=doc.get("note", ""),
        marks=tuple(marks),
    )


def _checked_marks(doc: dict[str, Any], place: str, catalog: RegionCatalog) -> list[MarkRecord]:
    """A map's marks, each checked: the first problem is named."""
    marks: list[MarkRecord] = []
    seen: set[tuple[str, str]] = set()
    for j, mark in enumerate(doc["marks"]):
        region, kind, intensity = mark["region"], mark["kind"], mark["intensity"]
        # What validate_mark checks, without its cost per mark (ten years: 150,000).
        if region not in catalog:
            fail(
                f"{place}.marks[{j}].region",
                _("unknown body region {value}").format(value=show(region)),
            )
        if kind not in _KINDS:
            fail(
                f"{place}.marks[{j}].kind",
                _("unknown symptom kind {value}").format(value=show(kind)),
            )
        if intensity not in INTENSITY_NAMES or isinstance(intensity, bool):
            fail(
                f"{place}.marks[{j}].intensity",
                _("{value} is outside 1-3").format(value=show(intensity)),
            )
        if (region, kind) in seen:
            fail(
                f"{place}.marks[{j}]",
                _("{region} already carries {kind} in this map").format(region=region, kind=kind),
            )
        seen.add((region, kind))
        marks.append(MarkRecord(region, kind, intensity))
    return marks
