"""The leg diagram's regions, symptom marks, and how far down symptoms reach (DESIGN §2.4)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class CatalogError(ValueError):
    """The region catalog is broken."""


class SymptomKind(StrEnum):
    PAIN = "pain"
    NUMBNESS = "numbness"
    TINGLING = "tingling"


INTENSITY_NAMES = {1: "mild", 2: "moderate", 3: "severe"}
SIDES = ("left", "right")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    side: str  # "left", "right" or "center"
    view: str  # "back" or "front"
    level: int  # 0 = low back ... 7 = toes
    red_flag: bool = False


@dataclass(frozen=True)
class RegionCatalog:
    regions: tuple[Region, ...]
    level_names: Mapping[int, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {r.code: r for r in self.regions})

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)  # type: ignore[attr-defined, no-any-return]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code  # type: ignore[attr-defined]

    def level_name(self, level: int | None) -> str:
        return "none" if level is None else self.level_names.get(level, str(level))


@dataclass(frozen=True)
class Mark:
    region: str
    kind: SymptomKind
    intensity: int  # 1 mild, 2 moderate, 3 severe


@dataclass(frozen=True)
class SymptomMap:
    marks: tuple[Mark, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not self.marks

    def unknown_regions(self, catalog: RegionCatalog) -> list[str]:
        return sorted({m.region for m in self.marks if m.region not in catalog})


@dataclass(frozen=True)
class RecordedMap:
    """A symptom map as the journal keeps it: when, where (zone), why, and a note."""

    uuid: str
    recorded_at: dt.datetime  # UTC
    zone: str
    context: str  # "check-in", "before" or "after"
    note: str
    symptoms: SymptomMap


def validate_mark(mark: Mark, catalog: RegionCatalog) -> None:
    """Refuse a mark the app cannot store: unknown region, kind or intensity."""
    if mark.region not in catalog:
        raise ValueError(f"unknown body region {mark.region!r}")
    if mark.kind not in set(SymptomKind):
        kinds = ", ".join(k.value for k in SymptomKind)
        raise ValueError(f"symptom kind must be one of {kinds}, not {mark.kind!r}")
    if (
        isinstance(mark.intensity, bool)
        or not isinstance(mark.intensity, int)
        or mark.intensity not in INTENSITY_NAMES
    ):
        raise ValueError(
            f"intensity must be 1 (mild), 2 (moderate) or 3 (severe), not {mark.intensity!r}"
        )


def validate_map(symptoms: SymptomMap, catalog: RegionCatalog) -> None:
    """Every mark valid, and no region carrying the same kind twice."""
    for mark in symptoms.marks:
        validate_mark(mark, catalog)
    seen = [(m.region, m.kind) for m in symptoms.marks]
    if len(seen) != len(set(seen)):
        raise ValueError("a region carries the same kind of symptom twice")


def marks_on(
    symptoms: SymptomMap, side: str, catalog: RegionCatalog
) -> Iterator[tuple[Mark, Region]]:
    """The marks on one side ("left", "right" or "center") with their regions; unknown
    regions are skipped."""
    for mark in symptoms.marks:
        region = catalog.get(mark.region)
        if region is not None and region.side == side:
            yield mark, region


def distal_extent(symptoms: SymptomMap, side: str, catalog: RegionCatalog) -> int | None:
    """The lowest body level marked on one leg's side, or None. Central regions (the middle
    of the low back, the saddle) belong to neither leg."""
    return max((region.level for _, region in marks_on(symptoms, side, catalog)), default=None)


def radiation_class(symptoms: SymptomMap, catalog: RegionCatalog) -> int | None:
    """Quebec Task Force class: 1 back/buttock, 2 thigh or knee, 3 below the knee; None if empty."""
    levels = [r.level for m in symptoms.marks if (r := catalog.get(m.region)) is not None]
    deepest = max(levels, default=None)
    if deepest is None:
        return None
    if deepest <= 1:
        return 1
    if deepest <= 3:
        return 2
    return 3


def burden(symptoms: SymptomMap, side: str, catalog: RegionCatalog) -> int:
    """Sum of the intensities marked on one side: fewer or milder marks give less."""
    return sum(mark.intensity for mark, _ in marks_on(symptoms, side, catalog))


def _parse_region(item: Any, index: int) -> Region:
    if not isinstance(item, Mapping):
        raise CatalogError(f"regions[{index}] must be a table")
    try:
        region = Region(
            code=str(item["code"]),
            name=str(item["name"]),
            side=str(item["side"]),
            view=str(item["view"]),
            level=int(item["level"]),
            red_flag=bool(item.get("red_flag", False)),
        )
    except KeyError as exc:
        raise CatalogError(f"regions[{index}] lacks {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise CatalogError(f"regions[{index}] has a value of the wrong type: {exc}") from exc
    if region.side not in ("left", "right", "center"):
        raise CatalogError(f"regions[{index}].side {region.side!r} is not left/right/center")
    if region.view not in ("back", "front"):
        raise CatalogError(f"regions[{index}].view {region.view!r} is not back/front")
    if not 0 <= region.level <= 7:
        raise CatalogError(f"regions[{index}].level {region.level} is outside 0..7")
    return region


def parse_catalog_text(text: str) -> RegionCatalog:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"body_regions.toml is not valid TOML: {exc}") from exc
    regions = tuple(_parse_region(item, i) for i, item in enumerate(data.get("regions", [])))
    codes = [r.code for r in regions]
    if len(set(codes)) != len(codes):
        raise CatalogError("body_regions.toml repeats a region code")
    try:
        levels = {int(k): str(v) for k, v in data.get("levels", {}).items()}
    except ValueError as exc:
        raise CatalogError("body_regions.toml: [levels] keys must be numbers 0-7") from exc
    return RegionCatalog(regions=regions, level_names=levels)
