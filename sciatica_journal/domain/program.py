"""The exercise programme (DESIGN §2.1-2.2) as validated data.

``parse_program`` turns the parsed TOML of ``resources/program.toml`` into a
``Program`` and raises ``ProgramError`` naming the first key that is wrong.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sciatica_journal.domain.red_flags import RedFlagQuestion, Severity
from sciatica_journal.domain.timekeeping import duration_words


class ProgramError(ValueError):
    """``program.toml`` is broken; the message names the key."""


@dataclass(frozen=True)
class Dose:
    kind: str  # "hold" or "reps"
    default: int
    minimum: int
    maximum: int

    def describe(self) -> str:
        if self.kind == "hold":
            return f"hold {duration_words(self.default)}"
        return f"{self.minimum}–{self.maximum} repetitions"


@dataclass(frozen=True)
class Rung:
    number: int  # 1 = lowest
    slug: str
    name: str
    clinical: str  # the clinical name, shown in brackets where a clinician reads
    summary: str
    dose: Dose
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    is_press_up: bool


@dataclass(frozen=True)
class Thresholds:
    worse_pain_increase: int
    better_pain_decrease: int
    lowest_rung_failures_to_contact: int
    good_sessions_to_progress: int
    no_change_sessions_for_overpressure: int
    press_up_sessions_before_overpressure: int
    clinically_important_points: int
    clinically_important_percent: int


@dataclass(frozen=True)
class RedFlagAdvice:
    """The wording of the screens after a "yes" (urgent, or contact the doctor)."""

    urgent_title: str
    urgent_text: str
    doctor_title: str
    doctor_text: str


@dataclass(frozen=True)
class BackupRetention:
    """How many scheduled backups are kept: the newest of each of the last N days, weeks
    and months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class Program:
    rungs: tuple[Rung, ...]
    target_min: int
    target_max: int
    thresholds: Thresholds
    disclaimer_title: str
    disclaimer_text: str
    red_flags: tuple[RedFlagQuestion, ...]
    red_flag_advice: RedFlagAdvice
    backups: BackupRetention = BackupRetention()

    def rung(self, slug: str) -> Rung:
        for rung in self.rungs:
            if rung.slug == slug:
                return rung
        raise KeyError(slug)

    def has_rung(self, slug: str) -> bool:
        return any(r.slug == slug for r in self.rungs)

    @property
    def lowest(self) -> Rung:
        return self.rungs[0]


REQUIRED_SLUGS = (
    "prone-lying",
    "prone-prop",
    "baby-press-up",
    "full-press-up",
    "press-up-overpressure",
)


def _get(table: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in table:
        raise ProgramError(f"program.toml: missing key '{path}{key}'")
    return table[key]


def _int(table: Mapping[str, Any], key: str, path: str, low: int, high: int) -> int:
    value = _get(table, key, path)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProgramError(f"program.toml: '{path}{key}' must be a whole number, not {value!r}")
    if not low <= value <= high:
        raise ProgramError(f"program.toml: '{path}{key}' = {value} is outside {low}..{high}")
    return value


def _text(table: Mapping[str, Any], key: str, path: str) -> str:
    value = _get(table, key, path)
    if not isinstance(value, str) or not value.strip():
        raise ProgramError(f"program.toml: '{path}{key}' must be non-empty text")
    return value.strip()


def _texts(table: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
    value = _get(table, key, path)
    if (
        not isinstance(value, Sequence)
        or isinstance(value, str)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise ProgramError(f"program.toml: '{path}{key}' must be a non-empty list of texts")
    return tuple(v.strip() for v in value)


def _table(table: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
    value = _get(table, key, path)
    if not isinstance(value, Mapping):
        raise ProgramError(f"program.toml: '{path}{key}' must be a table")
    return value


def _dose(table: Mapping[str, Any], path: str) -> Dose:
    kind = _get(table, "kind", path)
    if kind == "hold":
        lo = _int(table, "min_seconds", path, 1, 3600)
        hi = _int(table, "max_seconds", path, lo, 3600)
        default = _int(table, "default_seconds", path, lo, hi)
    elif kind == "reps":
        lo = _int(table, "min_reps", path, 1, 100)
        hi = _int(table, "max_reps", path, lo, 100)
        default = _int(table, "default_reps", path, lo, hi)
    else:
        raise ProgramError(f'program.toml: \'{path}kind\' must be "hold" or "reps", not {kind!r}')
    return Dose(kind=kind, default=default, minimum=lo, maximum=hi)


def _rung(number: int, table: Any) -> Rung:
    path = f"rungs[{number - 1}]."
    if not isinstance(table, Mapping):
        raise ProgramError(f"program.toml: 'rungs[{number - 1}]' must be a table")
    is_press_up = _get(table, "is_press_up", path)
    if not isinstance(is_press_up, bool):
        raise ProgramError(f"program.toml: '{path}is_press_up' must be true or false")
    return Rung(
        number=number,
        slug=_text(table, "slug", path),
        name=_text(table, "name", path),
        clinical=_text(table, "clinical", path),
        summary=_text(table, "summary", path),
        dose=_dose(_table(table, "dose", path), f"{path}dose."),
        steps=_texts(table, "steps", path),
        cautions=_texts(table, "cautions", path),
        is_press_up=is_press_up,
    )


def _red_flag(index: int, table: Any) -> RedFlagQuestion:
    path = f"red_flags[{index}]."
    if not isinstance(table, Mapping):
        raise ProgramError(f"program.toml: 'red_flags[{index}]' must be a table")
    severity = _get(table, "severity", path)
    if severity not in set(Severity):
        raise ProgramError(f'program.toml: \'{path}severity\' must be "urgent" or "doctor"')
    return RedFlagQuestion(
        code=_text(table, "code", path),
        question=_text(table, "question", path),
        severity=Severity(severity),
    )


def parse_program(data: Mapping[str, Any]) -> Program:
    schema = _get(data, "schema", "")
    if schema != 1:
        raise ProgramError(f"program.toml: 'schema' = {schema!r} is not a version this app knows")
    frequency = _table(data, "frequency", "")
    target_min = _int(frequency, "target_min", "frequency.", 1, 20)
    target_max = _int(frequency, "target_max", "frequency.", target_min, 20)
    t = _table(data, "thresholds", "")
    p = "thresholds."
    thresholds = Thresholds(
        worse_pain_increase=_int(t, "worse_pain_increase", p, 1, 10),
        better_pain_decrease=_int(t, "better_pain_decrease", p, 1, 10),
        lowest_rung_failures_to_contact=_int(t, "lowest_rung_failures_to_contact", p, 1, 20),
        good_sessions_to_progress=_int(t, "good_sessions_to_progress", p, 1, 50),
        no_change_sessions_for_overpressure=_int(
            t, "no_change_sessions_for_overpressure", p, 1, 50
        ),
        press_up_sessions_before_overpressure=_int(
            t, "press_up_sessions_before_overpressure", p, 1, 100
        ),
        clinically_important_points=_int(t, "clinically_important_points", p, 1, 10),
        clinically_important_percent=_int(t, "clinically_important_percent", p, 1, 100),
    )
    disclaimer = _table(data, "disclaimer", "")
    raw_rungs = _get(data, "rungs", "")
    if not isinstance(raw_rungs, list) or not raw_rungs:
        raise ProgramError("program.toml: 'rungs' must be a non-empty list of [[rungs]] tables")
    rungs = tuple(_rung(i, table) for i, table in enumerate(raw_rungs, start=1))
    slugs = [r.slug for r in rungs]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise ProgramError(f"program.toml: 'rungs' repeats the slug {duplicates[0]!r}")
    missing = [s for s in REQUIRED_SLUGS if s not in slugs]
    if missing:
        raise ProgramError(f"program.toml: 'rungs' lacks the rung with slug {missing[0]!r}")
    raw_flags = _get(data, "red_flags", "")
    if not isinstance(raw_flags, list) or not raw_flags:
        raise ProgramError("program.toml: 'red_flags' must be a non-empty list of tables")
    red_flags = tuple(_red_flag(i, table) for i, table in enumerate(raw_flags))
    if not any(q.severity is Severity.URGENT for q in red_flags):
        raise ProgramError("program.toml: 'red_flags' has no urgent question")
    advice = _table(data, "red_flag_advice", "")
    p = "red_flag_advice."
    red_flag_advice = RedFlagAdvice(
        urgent_title=_text(advice, "urgent_title", p),
        urgent_text=_text(advice, "urgent_text", p),
        doctor_title=_text(advice, "doctor_title", p),
        doctor_text=_text(advice, "doctor_text", p),
    )
    kept = data.get("backups", {})
    if not isinstance(kept, Mapping):
        raise ProgramError("program.toml: 'backups' must be a table")
    backups = BackupRetention(
        daily=_int(kept, "daily", "backups.", 1, 365) if "daily" in kept else 7,
        weekly=_int(kept, "weekly", "backups.", 0, 520) if "weekly" in kept else 4,
        monthly=_int(kept, "monthly", "backups.", 0, 1200) if "monthly" in kept else 12,
    )
    return Program(
        backups=backups,
        rungs=rungs,
        red_flags=red_flags,
        red_flag_advice=red_flag_advice,
        target_min=target_min,
        target_max=target_max,
        thresholds=thresholds,
        disclaimer_title=_text(disclaimer, "title", "disclaimer."),
        disclaimer_text=_text(disclaimer, "text", "disclaimer."),
    )


def parse_program_text(text: str) -> Program:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProgramError(f"program.toml is not valid TOML: {exc}") from exc
    return parse_program(data)
