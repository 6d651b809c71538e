"""Small builders for test data."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.sessions import NewSession, PainScores


def symptom_map(
    *regions: str, kind: SymptomKind = SymptomKind.PAIN, intensity: int = 2
) -> SymptomMap:
    return SymptomMap(marks=tuple(Mark(r, kind, intensity) for r in regions))


def new_session(
    started_at: dt.datetime,
    *,
    rung: str = "baby-press-up",
    before: tuple[int, int] = (5, 6),
    after: tuple[int, int] | None = (4, 5),
    map_before: SymptomMap | None = None,
    map_after: SymptomMap | None = None,
    minutes: int = 8,
    reps: int | None = 10,
    stopped: bool = False,
    hold: int | None = None,
    planned: int | None = None,
) -> NewSession:
    return NewSession(
        rung=rung,
        started_at=started_at,
        ended_at=started_at + dt.timedelta(minutes=minutes),
        pain_before=PainScores(*before),
        pain_after=None if after is None else PainScores(*after),
        map_before=map_before or symptom_map("low-back-right", "calf-right"),
        map_after=map_after
        if map_after is not None
        else symptom_map("low-back-right", "thigh-back-right"),
        reps_done=reps,
        hold_seconds=hold,
        stopped_for_pain=stopped,
        planned=planned,
    )


def renamed_program_text(prefix: str = "x-") -> str:
    """``resources/program.toml`` with every rung's slug renamed to ``prefix`` + slug wherever
    it stands as a slug (the rungs and the roles); picture file names and words stay."""
    import tomllib

    from sciatica_journal.paths import resource_path

    text = resource_path("program.toml").read_text(encoding="utf-8")
    for rung in tomllib.loads(text)["rungs"]:
        text = text.replace(f'"{rung["slug"]}"', f'"{prefix}{rung["slug"]}"')
    return text


def record_a_spread(services, now: dt.datetime) -> None:
    """Two sessions of baby press-ups on ``now``'s day, the last of which spread the
    symptoms down to the foot: the advice steps down to lying propped on elbows."""
    services.sessions.record(
        new_session(
            now - dt.timedelta(hours=5),
            map_before=symptom_map("low-back-right", "calf-right"),
            map_after=symptom_map("low-back-right", "thigh-back-right"),
        )
    )
    services.sessions.record(
        new_session(
            now - dt.timedelta(hours=2),
            after=(5, 6),
            map_before=symptom_map("low-back-right", "calf-right"),
            map_after=symptom_map("low-back-right", "calf-right", "sole-right"),
        )
    )
