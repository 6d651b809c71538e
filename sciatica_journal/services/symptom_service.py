"""Symptom check-ins: saving a map on its own, the latest map, and what changed, in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sciatica_journal.domain.body import (
    Mark,
    RecordedMap,
    RegionCatalog,
    SymptomKind,
    SymptomMap,
    validate_map,
    validate_mark,
)
from sciatica_journal.domain.language import _
from sciatica_journal.domain.map_comparison import (
    compare_maps,
    describe_change,
    describe_reach,
    when_phrase,
)
from sciatica_journal.domain.red_flags import Trigger, triggers_for_map
from sciatica_journal.domain.timekeeping import local_time
from sciatica_journal.domain.validation import text_problem
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage.symptom_store import SymptomStore


class MapError(ValueError):
    """A map that cannot be saved; the message says why."""


@dataclass(frozen=True)
class SavedMap:
    uuid: str
    red_flag_triggers: tuple[Trigger, ...]


def make_mark(region: str, kind: object, intensity: object, catalog: RegionCatalog) -> Mark:
    """Build a mark from loose input (e.g. an import), refusing what the journal cannot hold."""
    raw = Mark(region=region, kind=kind, intensity=intensity)  # type: ignore[arg-type]
    try:
        validate_mark(raw, catalog)
    except ValueError as exc:
        raise MapError(str(exc)) from exc
    return Mark(region=region, kind=SymptomKind(str(kind)), intensity=raw.intensity)


class SymptomService:
    def __init__(self, catalog: RegionCatalog, clock: Clock, store: SymptomStore) -> None:
        self._catalog = catalog
        self._clock = clock
        self._store = store

    @property
    def catalog(self) -> RegionCatalog:
        return self._catalog

    def validate(self, symptoms: SymptomMap) -> None:
        try:
            validate_map(symptoms, self._catalog)
        except ValueError as exc:
            raise MapError(str(exc)) from exc

    def latest(self) -> RecordedMap | None:
        found = self._store.latest_maps(1)
        return found[0] if found else None

    def record_check_in(
        self, symptoms: SymptomMap, note: str = "", *, screened: bool = False
    ) -> SavedMap:
        """Save a map on its own (no exercise); says whether red-flag questions are due.
        ``screened``: they were answered while this map was being marked (not due again)."""
        self.validate(symptoms)
        if len(note) > 5000:
            raise MapError(_("the note is longer than {n} characters").format(n=5000))
        problem = text_problem(note)
        if problem is not None:
            raise MapError(_("the note {problem}").format(problem=problem))
        triggers = () if screened else self.red_flag_triggers(symptoms)
        map_uuid = self._store.save_check_in(
            symptoms,
            at=self._clock.now(),
            zone=self._clock.zone,
            note=note.strip(),
            red_flags_due=triggers[0] if triggers else None,
        )
        return SavedMap(uuid=map_uuid, red_flag_triggers=triggers)

    def red_flag_triggers(self, symptoms: SymptomMap) -> tuple[Trigger, ...]:
        """Whether a new map (not yet saved) calls for the red-flag questions."""
        previous = self.latest()
        return tuple(
            triggers_for_map(previous.symptoms if previous else None, symptoms, self._catalog)
        )

    def red_flag_triggers_between(
        self, before: SymptomMap, after: SymptomMap
    ) -> tuple[Trigger, ...]:
        """Whether ``after`` (the check-out map) newly marks what calls for the questions,
        compared with ``before`` (the check-in map of the same session)."""
        return tuple(triggers_for_map(before, after, self._catalog))

    def reach_lines(self, symptoms: SymptomMap) -> list[str]:
        lines = describe_reach(symptoms, self._catalog)
        unknown = symptoms.unknown_regions(self._catalog)
        if unknown:
            lines.append(
                _("Marks on regions this version does not know: {regions}").format(
                    regions=", ".join(unknown)
                )
            )
        return lines

    def change_lines(self, before: RecordedMap, after: SymptomMap) -> list[str]:
        """How ``after`` differs from a stored earlier map, one line per leg."""
        since = when_phrase(
            local_time(before.recorded_at, before.zone), local_time(self._clock.now(), before.zone)
        )
        return [
            describe_change(c, before.symptoms, after, self._catalog, since)
            for c in compare_maps(before.symptoms, after, self._catalog).values()
        ]

    def local_now(self) -> dt.datetime:
        return local_time(self._clock.now(), self._clock.zone)
