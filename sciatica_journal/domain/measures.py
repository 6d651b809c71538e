"""The weekly measures (issue 15) as validated data: ``resources/measures.toml``.

``parse_measures`` turns the parsed TOML into a ``MeasureSet`` and raises ``MeasuresError``
naming the first key that is wrong (as ``parse_program`` does for ``program.toml``).

The types are deliberately plain, so that the exports (JSON, CSV, a FHIR
QuestionnaireResponse) can carry them one to one:

- a ``Measure`` is one instrument: its code (``sbi``, ``psfs``, ``pgic``), its items, the
  scale of every item (``low``..``high``, with the words of some points in ``anchors``),
  how its score is made (``scoring``), which direction is better, and the published
  important change (``important``) with its source;
- the Patient-Specific Functional Scale has no fixed items: the user names its activities
  (``max_activities`` at most), each answered on the measure's scale.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

FILE = "measures.toml"

_E = TypeVar("_E", bound=StrEnum)


class MeasuresError(ValueError):
    """``measures.toml`` is broken; the message names the key."""


class Scoring(StrEnum):
    SUM = "sum"  # the items' values added (SBI: 4 items 0-6, 0-24)
    MEAN = "mean"  # the mean of the named activities (PSFS: 0-10)
    SINGLE = "single"  # one answer is the score (PGIC: 1-7)


class Better(StrEnum):
    LOWER = "lower"
    HIGHER = "higher"


class ImportantKind(StrEnum):
    CHANGE = "change"  # improved by at least ``value`` points from the baseline
    SCORE_AT_MOST = "score_at_most"  # a cut-off for success: the latest score <= ``value``
    ANSWER_AT_MOST = "answer_at_most"  # a global rating of ``value`` or better (1 is best)


@dataclass(frozen=True)
class Important:
    """The published important change of a measure, and where it was published."""

    kind: ImportantKind
    value: float
    source: str
    activity_value: float | None = None  # PSFS: the important change of one activity


@dataclass(frozen=True)
class Item:
    """One question of a weekly measure."""

    code: str  # stable id, e.g. "sbi-leg-pain" (the answers and the exports use it)
    text: str


@dataclass(frozen=True)
class Measure:
    """One weekly measure (SBI, PSFS, PGIC): its questions and how it is scored."""

    code: str  # "sbi", "psfs", "pgic"
    name: str
    short: str  # "SBI"
    question: str
    scoring: Scoring
    low: int  # every item's (or activity's) lowest value
    high: int
    better: Better
    from_week: int  # 1: from the baseline on; 2: from the second week (PGIC)
    anchors: Mapping[int, str]  # the words of some points of the scale
    items: tuple[Item, ...]  # empty for the PSFS (the user names the activities)
    important: Important
    source: str  # the instrument's publication
    validated_languages: tuple[str, ...]  # where this wording is a validated version
    max_activities: int = 0  # PSFS: how many activities at most

    @property
    def names_activities(self) -> bool:
        """Whether the user names this measure's items (the PSFS)."""
        return self.scoring is Scoring.MEAN

    @property
    def score_range(self) -> tuple[int, int]:
        """The lowest and highest score (SBI 0-24, PSFS 0-10, PGIC 1-7)."""
        if self.scoring is Scoring.SUM:
            return self.low * len(self.items), self.high * len(self.items)
        return self.low, self.high

    def validated_in(self, language: str) -> bool:
        return language in self.validated_languages

    def item(self, code: str) -> Item:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)


@dataclass(frozen=True)
class MeasureSet:
    """The weekly measures and how often they are due."""

    measures: tuple[Measure, ...]
    interval_days: int  # a check is due this many days after the last one

    def measure(self, code: str) -> Measure:
        for measure in self.measures:
            if measure.code == code:
                return measure
        raise KeyError(code)

    def has(self, code: str) -> bool:
        return any(m.code == code for m in self.measures)


def _fail(message: str) -> MeasuresError:
    return MeasuresError(f"{FILE}: {message}")


def _get(table: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in table:
        raise _fail(f"missing key '{path}{key}'")
    return table[key]


def _int(table: Mapping[str, Any], key: str, path: str, low: int, high: int) -> int:
    value = _get(table, key, path)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"'{path}{key}' must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise _fail(f"'{path}{key}' = {value} is outside {low}..{high}")
    return value


def _number(table: Mapping[str, Any], key: str, path: str) -> float:
    value = _get(table, key, path)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _fail(f"'{path}{key}' must be a number above 0, not {value!r}")
    return float(value)


def _text(table: Mapping[str, Any], key: str, path: str) -> str:
    value = _get(table, key, path)
    if not isinstance(value, str) or not value.strip():
        raise _fail(f"'{path}{key}' must be non-empty text")
    return value.strip()


def _choice(table: Mapping[str, Any], key: str, path: str, kind: type[_E]) -> _E:
    value = _get(table, key, path)
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(f'"{k.value}"' for k in kind)
        raise _fail(f"'{path}{key}' must be one of {allowed}, not {value!r}") from None


def _table(table: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
    value = _get(table, key, path)
    if not isinstance(value, Mapping):
        raise _fail(f"'{path}{key}' must be a table")
    return value


def _anchors(table: Mapping[str, Any], path: str, low: int, high: int) -> dict[int, str]:
    raw = _table(table, "anchors", path)
    anchors: dict[int, str] = {}
    for key, text in raw.items():
        if not str(key).lstrip("-").isdigit() or not low <= int(key) <= high:
            raise _fail(f"'{path}anchors.{key}' is not a point of the scale {low}..{high}")
        if not isinstance(text, str) or not text.strip():
            raise _fail(f"'{path}anchors.{key}' must be non-empty text")
        anchors[int(key)] = text.strip()
    if not anchors:
        raise _fail(f"'{path}anchors' must name at least one point of the scale")
    return dict(sorted(anchors.items()))


def _important(table: Mapping[str, Any], path: str, measure: Measure) -> Important:
    kind = _choice(table, "kind", path, ImportantKind)
    value = _number(table, "value", path)
    low, high = measure.score_range
    if kind is not ImportantKind.CHANGE and not low <= value <= high:
        raise _fail(f"'{path}value' = {value} is outside the score's range {low}..{high}")
    if kind is ImportantKind.CHANGE and value > high - low:
        raise _fail(f"'{path}value' = {value} is larger than the whole scale")
    activity = _number(table, "activity_value", path) if "activity_value" in table else None
    if activity is not None and not measure.names_activities:
        raise _fail(f"'{path}activity_value' belongs only to a measure of named activities")
    return Important(kind, value, _text(table, "source", path), activity)


def _languages(table: Mapping[str, Any], path: str) -> tuple[str, ...]:
    value = _get(table, "validated_languages", path)
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise _fail(f"'{path}validated_languages' must be a list of language codes")
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(f"'{path}validated_languages' must be a list of language codes")
    return tuple(v.strip() for v in value)


def _items(data: Mapping[str, Any]) -> dict[str, list[Item]]:
    raw = _get(data, "items", "")
    if not isinstance(raw, list):
        raise _fail("'items' must be a list of [[items]] tables")
    found: dict[str, list[Item]] = {}
    codes: set[str] = set()
    for index, table in enumerate(raw):
        path = f"items[{index}]."
        if not isinstance(table, Mapping):
            raise _fail(f"'items[{index}]' must be a table")
        code = _text(table, "code", path)
        if code in codes:
            raise _fail(f"'items' repeats the code {code!r}")
        codes.add(code)
        found.setdefault(_text(table, "measure", path), []).append(
            Item(code, _text(table, "text", path))
        )
    return found


def _measure(index: int, table: Any, items: Mapping[str, list[Item]]) -> Measure:
    path = f"measures[{index}]."
    if not isinstance(table, Mapping):
        raise _fail(f"'measures[{index}]' must be a table")
    code = _text(table, "code", path)
    scoring = _choice(table, "scoring", path, Scoring)
    low = _int(table, "low", path, 0, 100)
    high = _int(table, "high", path, low + 1, 100)
    own = tuple(items.get(code, ()))
    if scoring is Scoring.MEAN:
        if own:
            raise _fail(f"'items' lists items of {code!r}, whose activities the user names")
        max_activities = _int(table, "max_activities", path, 1, 20)
    else:
        if not own:
            raise _fail(f"'items' lists no item of the measure {code!r}")
        if scoring is Scoring.SINGLE and len(own) != 1:
            raise _fail(f"'items' must list exactly one item of the measure {code!r}")
        max_activities = 0
    measure = Measure(
        code=code,
        name=_text(table, "name", path),
        short=_text(table, "short", path),
        question=_text(table, "question", path),
        scoring=scoring,
        low=low,
        high=high,
        better=_choice(table, "better", path, Better),
        from_week=_int(table, "from_week", path, 1, 52),
        anchors=_anchors(table, path, low, high),
        items=own,
        important=Important(ImportantKind.CHANGE, 1.0, "-"),  # replaced below
        source=_text(table, "source", path),
        validated_languages=_languages(table, path),
        max_activities=max_activities,
    )
    important = _important(_table(table, "important", path), f"{path}important.", measure)
    return Measure(**{**measure.__dict__, "important": important})


def parse_measures(data: Mapping[str, Any]) -> MeasureSet:
    schema = _get(data, "schema", "")
    if schema != 1:
        raise _fail(f"'schema' = {schema!r} is not a version this app knows")
    interval = _int(_table(data, "weekly", ""), "interval_days", "weekly.", 1, 60)
    raw = _get(data, "measures", "")
    if not isinstance(raw, list) or not raw:
        raise _fail("'measures' must be a non-empty list of [[measures]] tables")
    items = _items(data)
    measures = tuple(_measure(i, table, items) for i, table in enumerate(raw))
    codes = [m.code for m in measures]
    for code in codes:
        if codes.count(code) > 1:
            raise _fail(f"'measures' repeats the code {code!r}")
    for code in items:
        if code not in codes:
            raise _fail(f"'items' names the measure {code!r}, which is not in 'measures'")
    if not any(m.from_week == 1 for m in measures):
        raise _fail("'measures' has none from the first week (the baseline)")
    return MeasureSet(measures=measures, interval_days=interval)


def measures_data(text: str) -> dict[str, Any]:
    """The parsed TOML of ``measures.toml`` (before any language variant is laid over it)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(f"not valid TOML: {exc}") from exc
