"""What each exercise did (DESIGN §4, issue 14 point 5): a McKenzie response profile.

For each rung used in a period: its sessions and how many of them ended with each outcome
(``domain.outcome``), as the patient recorded them — an observed response, never a
diagnosis. Definitions, exactly:

- a rung is listed when it has at least one session in the period, complete or not; rungs
  of the ladder in the ladder's order (lowest first), then rungs no longer in the programme
  in the order of their slugs. A rung without any session in the period is left out.
- sessions: the rung's *complete* sessions (DESIGN §2.2 rule 9, ``domain.doses``);
  the outcome counts are of these sessions only and add up to ``sessions``.
- incomplete: the rung's sessions that ended short of the dose's minimum. They are left
  out of ``sessions`` and of every outcome count, and given apart.
- mostly centralizing: the centralized and abolished sessions are more than
  ``mostly_centralizing_percent`` % (``program.toml``, 50: more than half) of ``sessions``.
  Every session has an outcome, so ``sessions`` is also the number of known outcomes. A
  rung with no complete session is not mostly centralizing.

The counts come in as a tally of (rung, outcome, complete) → sessions, so the summary
(one fact per session) and the Progress page (counts aggregated in the database) compute
the profile with the same function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sciatica_journal.domain.sessions import Outcome

CENTRALIZING = (Outcome.CENTRALIZED, Outcome.ABOLISHED)
# The order of the outcomes in the profile's table and JSON: the good ones first.
PROFILE_ORDER = (
    Outcome.CENTRALIZED,
    Outcome.ABOLISHED,
    Outcome.BETTER,
    Outcome.NO_CHANGE,
    Outcome.WORSE,
    Outcome.PERIPHERALIZED,
)

Tally = Mapping[tuple[str, Outcome, bool], int]
"""(rung slug, outcome, complete) → the number of sessions."""


@dataclass(frozen=True)
class ExerciseResponses:
    """One rung's line of the profile."""

    rung: str  # the slug
    outcomes: Mapping[Outcome, int]  # complete sessions by outcome (every outcome, 0 if none)
    incomplete: int  # sessions of the rung that do not count (rule 9): in no other count
    mostly_centralizing: bool

    @property
    def sessions(self) -> int:
        """The rung's complete sessions (the sum of the outcome counts)."""
        return sum(self.outcomes.values())

    @property
    def centralizing(self) -> int:
        """Centralized and abolished sessions."""
        return sum(self.outcomes[o] for o in CENTRALIZING)

    def as_json(self) -> dict[str, Any]:
        """The rung's entry in ``summary --json``'s ``by_exercise``."""
        return {
            "sessions": self.sessions,
            **{o.value: self.outcomes[o] for o in PROFILE_ORDER},
            "incomplete": self.incomplete,
            "mostly_centralizing": self.mostly_centralizing,
        }


def tally(sessions: Iterable[tuple[str, Outcome, bool]]) -> Counter[tuple[str, Outcome, bool]]:
    """The tally of sessions given one by one as (rung slug, outcome, complete)."""
    return Counter(sessions)


def is_mostly_centralizing(centralizing: int, sessions: int, percent: int) -> bool:
    """More than ``percent`` % of ``sessions`` centralized or abolished (none: False)."""
    return sessions > 0 and centralizing * 100 > percent * sessions


def response_profile(counts: Tally, ladder: Sequence[str], percent: int) -> list[ExerciseResponses]:
    """The profile of the sessions tallied in ``counts``: one line per rung used, in the
    order of ``ladder`` (the programme's slugs, lowest first), then unknown rungs by slug;
    ``percent``: the threshold of "mostly centralizing" (see the module's docstring)."""
    used = {rung for (rung, _outcome, _complete), n in counts.items() if n > 0}
    known = [slug for slug in ladder if slug in used]
    order = known + sorted(used - set(known))
    lines = []
    for rung in order:
        outcomes = {o: counts.get((rung, o, True), 0) for o in PROFILE_ORDER}
        incomplete = sum(counts.get((rung, o, False), 0) for o in PROFILE_ORDER)
        centralizing = sum(outcomes[o] for o in CENTRALIZING)
        lines.append(
            ExerciseResponses(
                rung=rung,
                outcomes=outcomes,
                incomplete=incomplete,
                mostly_centralizing=is_mostly_centralizing(
                    centralizing, sum(outcomes.values()), percent
                ),
            )
        )
    return lines


def profile_json(profile: Sequence[ExerciseResponses]) -> dict[str, dict[str, Any]]:
    """``by_exercise`` of ``summary --json``: each line keyed by its rung's slug, in order."""
    return {line.rung: line.as_json() for line in profile}
