"""The exercise programme (DESIGN §2.1-2.2) as validated data.

``parse_program`` turns the parsed TOML of ``resources/program.toml`` into a
``Program`` and raises ``ProgramError`` naming the first key that is wrong.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sciatica_journal.domain.pacing_plan import PacingPlan, parse_pacing
from sciatica_journal.domain.program_errors import ProgramError as ProgramError
from sciatica_journal.domain.program_records import (
    BackupRetention,
    Dose,
    Pictures,
    RedFlagAdvice,
    Roles,
    Rung,
    Thresholds,
)
from sciatica_journal.domain.red_flags import RedFlagQuestion, Severity

__all__ = [
    "BackupRetention",
    "Dose",
    "Pictures",
    "Program",
    "ProgramError",
    "RedFlagAdvice",
    "Roles",
    "Rung",
    "Thresholds",
    "parse_program",
]


@dataclass(frozen=True)
class Program:
    """The exercise programme: the ladder, the daily target, the rules' thresholds and texts."""

    rungs: tuple[Rung, ...]
    roles: Roles
    target_min: int
    target_max: int
    thresholds: Thresholds
    disclaimer_title: str
    disclaimer_text: str
    red_flags: tuple[RedFlagQuestion, ...]
    red_flag_advice: RedFlagAdvice
    pacing: PacingPlan  # the guided set's timings and cues ([pacing])
    backups: BackupRetention = field(default_factory=BackupRetention)

    @functools.cached_property
    def _by_slug(self) -> dict[str, Rung]:
        """The rungs by slug (an import asks once per session: 29,000 times in ten years)."""
        return {rung.slug: rung for rung in self.rungs}

    def rung(self, slug: str) -> Rung:
        return self._by_slug[slug]

    def has_rung(self, slug: str) -> bool:
        return slug in self._by_slug

    @property
    def lowest(self) -> Rung:
        return self.rungs[0]

    @property
    def goal(self) -> Rung:
        """The end goal of the ladder (rule 6)."""
        return self.rung(self.roles.goal)

    @property
    def overpressure(self) -> Rung:
        """The rung suggested when press-ups stall (rule 7)."""
        return self.rung(self.roles.overpressure)

    @property
    def progress_limit(self) -> Rung:
        """The highest rung from which good sessions step up to the next (rule 6)."""
        return self.rung(self.roles.progress_up_to)

    def progressable(self, rung: Rung) -> bool:
        """Whether good sessions in a row on ``rung`` step up to the next rung."""
        return rung.number <= self.progress_limit.number

    def counts_as_stall(self, slug: str) -> bool:
        """Whether sessions of this rung count towards stalled press-ups (rule 7)."""
        return slug in self.roles.stalling

    def find(self, slug: str) -> Rung:
        """The rung with this slug; the lowest for a slug this programme does not know."""
        return self.rung(slug) if self.has_rung(slug) else self.lowest

    def step(self, slug: str, by: int) -> Rung:
        """The rung ``by`` places above (negative: below) ``slug``, kept on the ladder."""
        index = max(0, min(len(self.rungs) - 1, self.find(slug).number - 1 + by))
        return self.rungs[index]


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


def _pictures(table: Mapping[str, Any], path: str) -> Pictures:
    files = _table(table, "pictures", path)
    cues = _table(table, "cues", path)
    return Pictures(
        correct=_text(files, "correct", f"{path}pictures."),
        incorrect=_text(files, "incorrect", f"{path}pictures."),
        correct_cue=_text(cues, "correct", f"{path}cues."),
        incorrect_cue=_text(cues, "incorrect", f"{path}cues."),
    )


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
        pictures=_pictures(table, path),
    )


def _role(roles: Mapping[str, Any], key: str, rungs: Mapping[str, Rung]) -> Rung:
    slug = _text(roles, key, "roles.")
    if slug not in rungs:
        raise ProgramError(
            f"program.toml: 'roles.{key}' names the rung {slug!r}, which is not in 'rungs'"
        )
    return rungs[slug]


def _roles(data: Mapping[str, Any], rungs: tuple[Rung, ...]) -> Roles:
    """The rungs' parts in the rules, each checked against the ladder."""
    table = _table(data, "roles", "")
    by_slug = {r.slug: r for r in rungs}
    progress = _role(table, "progress_up_to", by_slug)
    goal = _role(table, "goal", by_slug)
    overpressure = _role(table, "overpressure", by_slug)
    stalling = _texts(table, "stalling", "roles.")
    for slug in stalling:
        if slug not in by_slug:
            raise ProgramError(
                f"program.toml: 'roles.stalling' names the rung {slug!r}, which is not in 'rungs'"
            )
    if progress.number >= len(rungs):
        raise ProgramError("program.toml: 'roles.progress_up_to' must name a rung below the top")
    for key, rung in (("goal", goal), ("overpressure", overpressure)):
        if not rung.is_press_up:
            raise ProgramError(f"program.toml: 'roles.{key}' must name a press-up rung")
    for slug in stalling:
        if not by_slug[slug].is_press_up or slug == overpressure.slug:
            raise ProgramError(
                f"program.toml: 'roles.stalling' must name press-up rungs other than "
                f"'roles.overpressure', not {slug!r}"
            )
    return Roles(
        progress_up_to=progress.slug,
        goal=goal.slug,
        overpressure=overpressure.slug,
        stalling=stalling,
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
        short=_text(table, "short", path),
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
        mostly_centralizing_percent=_int(t, "mostly_centralizing_percent", p, 1, 99),
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
    roles = _roles(data, rungs)
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
        pacing=parse_pacing(_table(data, "pacing", "")),
        rungs=rungs,
        roles=roles,
        red_flags=red_flags,
        red_flag_advice=red_flag_advice,
        target_min=target_min,
        target_max=target_max,
        thresholds=thresholds,
        disclaimer_title=_text(disclaimer, "title", "disclaimer."),
        disclaimer_text=_text(disclaimer, "text", "disclaimer."),
    )


def program_data(text: str) -> dict[str, Any]:
    """The parsed TOML of ``program.toml`` (for ``parse_program``, after any language
    variant of its texts is laid over it: domain/text_variants.py)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProgramError(f"program.toml is not valid TOML: {exc}") from exc


def parse_program_text(text: str) -> Program:
    return parse_program(program_data(text))
