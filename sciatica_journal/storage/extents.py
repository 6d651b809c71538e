"""Each symptom map keeps its distal extent per leg (DESIGN §2.4: the lowest body level
marked on that side, None if nothing), worked out once when the map is saved, so that
Progress reads it instead of going through the marks. The levels are those of
``resources/body_regions.toml`` (read once; ``domain.body.distal_extent`` decides)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from sciatica_journal.domain.body import (
    Mark,
    RegionCatalog,
    SymptomKind,
    SymptomMap,
    catalog_data,
    distal_extent,
    parse_catalog,
)
from sciatica_journal.storage.codecs import Marks

MarkTuple = tuple[str, str, int]  # (region, kind, intensity)


@functools.cache
def _catalog() -> RegionCatalog:
    from sciatica_journal.paths import resource_path

    path = resource_path("body_regions.toml")
    return parse_catalog(catalog_data(path.read_text(encoding="utf-8")))


def extents(
    marks: Iterable[MarkTuple], catalog: RegionCatalog | None = None
) -> tuple[int | None, int | None]:
    """(left, right) distal extent of a map's marks."""
    symptoms = SymptomMap(tuple(Mark(r, SymptomKind(k), i) for r, k, i in marks))
    found = catalog or _catalog()
    return distal_extent(symptoms, "left", found), distal_extent(symptoms, "right", found)


def map_columns(symptoms: SymptomMap) -> dict[str, object]:
    """The columns of a symptom_map row that hold its marks: the packed marks and both
    extents."""
    marks = tuple((m.region, m.kind.value, m.intensity) for m in symptoms.marks)
    left, right = extents(marks)
    return {"marks": Marks(marks), "left_extent": left, "right_extent": right}
