"""The leg diagram's regions, symptom marks, and how far down symptoms reach (DESIGN §2.4)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sciatica_journal.domain.language import N_, _


class CatalogError(ValueError):
    """The region catalog is broken."""


class SymptomKind(StrEnum):
    PAIN = "pain"
    NUMBNESS = "numbness"
    TINGLING = "tingling"


INTENSITY_NAMES = {1: N_("mild"), 2: N_("moderate"), 3: N_("severe")}  # _() where shown
SIDES = ("left", "right")
# A leg as a heading ("Left leg: ...").
LEG_NAMES = {"left": N_("Left leg"), "right": N_("Right leg")}
# The words for a kind of symptom inside a sentence ("the tingling in your foot").
KIND_WORDS = {
    SymptomKind.PAIN: N_("pain"),
    SymptomKind.NUMBNESS: N_("numbness"),
    SymptomKind.TINGLING: N_("tingling"),
}


def intensity_name(intensity: int) -> str:
    """ "mild", "moderate" or "severe" in the active language."""
    return _(INTENSITY_NAMES[intensity])


def leg_name(side: str) -> str:
    """ "Left leg" / "Right leg" in the active language."""
    return _(LEG_NAMES[side])


@dataclass(frozen=True)
class Region:
    """One clickable region of the leg diagram."""

    code: str
    name: str
    side: str  # "left", "right" or "center"
    view: str  # "back" or "front"
    level: int  # one of the catalog's levels: higher is further down the body
    red_flag: bool = False


@dataclass(frozen=True)
class BodyLevel:
    """How far down the body a region lies, as the catalog names it."""

    number: int  # higher is further down
    name: str  # e.g. "lower leg"
    in_leg: bool  # False for the back itself
    radiation: int  # the Quebec Task Force class of symptoms that reach this far


@dataclass(frozen=True)
class RegionCatalog:
    """Every region of the diagram, with the body's levels from the low back down."""

    regions: tuple[Region, ...]
    levels: tuple[BodyLevel, ...] = ()  # top (the low back) to bottom
    radiation_words: Mapping[int, str] = field(default_factory=dict)
    _by_code: Mapping[str, Region] = field(init=False, repr=False, compare=False)
    _by_level: Mapping[int, BodyLevel] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {r.code: r for r in self.regions})
        object.__setattr__(self, "_by_level", {lv.number: lv for lv in self.levels})

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def level_names(self) -> dict[int, str]:
        """Level number → its name, top to bottom."""
        return {lv.number: lv.name for lv in self.levels}

    def level_name(self, level: int | None) -> str:
        if level is None:
            return _("none")
        found = self._by_level.get(level)
        return str(level) if found is None else found.name

    def in_leg(self, level: int) -> bool:
        """Whether symptoms at this level are in a leg (not only in the back)."""
        found = self._by_level.get(level)
        return True if found is None else found.in_leg

    def radiation_of(self, level: int) -> int:
        """The radiation class of symptoms reaching down to ``level``."""
        found = self._by_level.get(level)
        if found is not None:
            return found.radiation
        known = [lv for lv in self.levels if lv.number <= level]
        return known[-1].radiation if known else 1


@dataclass(frozen=True)
class Mark:
    """One symptom marked on one region, with its intensity."""

    region: str
    kind: SymptomKind
    intensity: int  # 1 mild, 2 moderate, 3 severe


@dataclass(frozen=True)
class SymptomMap:
    """The marks of one symptom map, in the order they were made."""

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
        raise ValueError(_("unknown body region {code}").format(code=repr(mark.region)))
    if mark.kind not in set(SymptomKind):
        kinds = ", ".join(k.value for k in SymptomKind)
        raise ValueError(
            _("symptom kind must be one of {kinds}, not {kind}").format(
                kinds=kinds, kind=repr(mark.kind)
            )
        )
    if (
        isinstance(mark.intensity, bool)
        or not isinstance(mark.intensity, int)
        or mark.intensity not in INTENSITY_NAMES
    ):
        raise ValueError(
            _("intensity must be 1 (mild), 2 (moderate) or 3 (severe), not {value}").format(
                value=repr(mark.intensity)
            )
        )


def validate_map(symptoms: SymptomMap, catalog: RegionCatalog) -> None:
    """Every mark valid, and no region carrying the same kind twice."""
    for mark in symptoms.marks:
        validate_mark(mark, catalog)
    seen = [(m.region, m.kind) for m in symptoms.marks]
    if len(seen) != len(set(seen)):
        raise ValueError(_("a region carries the same kind of symptom twice"))


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
    return max((region.level for _mark, region in marks_on(symptoms, side, catalog)), default=None)


def radiation_class(symptoms: SymptomMap, catalog: RegionCatalog) -> int | None:
    """Quebec Task Force class of the farthest mark (the catalog gives each level its class:
    1 back/buttock, 2 thigh or knee, 3 below the knee); None if nothing is marked."""
    levels = [r.level for m in symptoms.marks if (r := catalog.get(m.region)) is not None]
    deepest = max(levels, default=None)
    return None if deepest is None else catalog.radiation_of(deepest)


def burden(symptoms: SymptomMap, side: str, catalog: RegionCatalog) -> int:
    """Sum of the intensities marked on one side: fewer or milder marks give less."""
    return sum(mark.intensity for mark, _region in marks_on(symptoms, side, catalog))


def _parse_region(item: Any, index: int, levels: Mapping[int, BodyLevel]) -> Region:
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
    if region.level not in levels:
        raise CatalogError(f"regions[{index}].level {region.level} is not one of the [[levels]]")
    return region


def _parse_radiation(data: Mapping[str, Any]) -> dict[int, str]:
    raw = data.get("radiation", {})
    if not isinstance(raw, Mapping) or not raw:
        raise CatalogError("body_regions.toml: [radiation] must name each radiation class")
    try:
        words = {int(k): str(v).strip() for k, v in raw.items()}
    except ValueError as exc:
        raise CatalogError("body_regions.toml: [radiation] keys must be class numbers") from exc
    if not all(words.values()):
        raise CatalogError("body_regions.toml: [radiation] words must not be empty")
    return words


def _parse_level(item: Any, index: int, radiation: Mapping[int, str]) -> BodyLevel:
    where = f"body_regions.toml: levels[{index}]"
    if not isinstance(item, Mapping):
        raise CatalogError(f"{where} must be a table")
    try:
        level = BodyLevel(
            number=item["level"],
            name=str(item["name"]).strip(),
            in_leg=item["in_leg"],
            radiation=item["radiation"],
        )
    except KeyError as exc:
        raise CatalogError(f"{where} lacks {exc.args[0]!r}") from exc
    if isinstance(level.number, bool) or not isinstance(level.number, int):
        raise CatalogError(f"{where}.level must be a whole number")
    if not level.name:
        raise CatalogError(f"{where}.name must not be empty")
    if not isinstance(level.in_leg, bool):
        raise CatalogError(f"{where}.in_leg must be true or false")
    if level.radiation not in radiation:
        raise CatalogError(f"{where}.radiation {level.radiation!r} is not a class of [radiation]")
    return level


def _parse_levels(data: Mapping[str, Any], radiation: Mapping[int, str]) -> tuple[BodyLevel, ...]:
    raw = data.get("levels", [])
    if not isinstance(raw, list) or not raw:
        raise CatalogError("body_regions.toml: 'levels' must be a list of [[levels]] tables")
    levels = tuple(_parse_level(item, i, radiation) for i, item in enumerate(raw))
    numbers = [lv.number for lv in levels]
    if numbers != sorted(set(numbers)):
        raise CatalogError("body_regions.toml: [[levels]] must run top to bottom, each once")
    classes = [lv.radiation for lv in levels]
    if classes != sorted(classes):
        raise CatalogError("body_regions.toml: the radiation class must not fall further down")
    return levels


def catalog_data(text: str) -> dict[str, Any]:
    """The parsed TOML of ``body_regions.toml`` (for ``parse_catalog``, after any language
    variant of its texts is laid over it: domain/text_variants.py)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"body_regions.toml is not valid TOML: {exc}") from exc


def parse_catalog_text(text: str) -> RegionCatalog:
    return parse_catalog(catalog_data(text))


def parse_catalog(data: Mapping[str, Any]) -> RegionCatalog:
    radiation = _parse_radiation(data)
    levels = _parse_levels(data, radiation)
    by_number = {lv.number: lv for lv in levels}
    regions = tuple(
        _parse_region(item, i, by_number) for i, item in enumerate(data.get("regions", []))
    )
    codes = [r.code for r in regions]
    if len(set(codes)) != len(codes):
        raise CatalogError("body_regions.toml repeats a region code")
    return RegionCatalog(regions=regions, levels=levels, radiation_words=radiation)
