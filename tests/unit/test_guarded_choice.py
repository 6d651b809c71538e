"""One current exercise and guarded choices (DESIGN §2.2 rule 10, issue 14 points 1-2):
the step-down behind the advice, and which choices against the advice ask first."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.advice import AdviceKind, SessionSummary, advise
from sciatica_journal.domain.current_exercise import (
    SPREAD,
    STOPPED,
    advice_json,
    clinician_words,
    current_exercise,
    patient_note,
)
from sciatica_journal.domain.guarded_choice import choice_warning
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.services.program_loader import load_catalog, load_program

PROGRAM = load_program()
CATALOG = load_catalog()
DEC_1 = dt.date(2026, 12, 1)


def s(
    rung: str,
    outcome: Outcome = Outcome.BETTER,
    day: dt.date = DEC_1,
    *,
    stopped: bool = False,
    before: int | None = 2,
    after: int | None = 2,
    complete: bool = True,
) -> SessionSummary:
    return SessionSummary(
        rung=rung,
        local_date=day,
        outcome=outcome,
        stopped_for_pain=stopped,
        extent_before={"left": None, "right": before},
        extent_after={"left": None, "right": after},
        complete=complete,
    )


def rung(slug: str):
    return PROGRAM.rung(slug)


def now(history: list[SessionSummary]):
    advice = advise(history, PROGRAM, "prone-lying")
    return advice, current_exercise(advice, history, PROGRAM)


# ---- the current exercise ------------------------------------------------------------


def test_a_spread_on_baby_press_ups_steps_down_with_where_when_and_why():
    history = [
        s("baby-press-up", day=DEC_1 - dt.timedelta(days=1)),
        s("baby-press-up", Outcome.PERIPHERALIZED, before=2, after=6),
    ]
    advice, current = now(history)
    assert advice.kind is AdviceKind.STEP_DOWN and current.rung.slug == "prone-prop"
    step = current.step_down
    assert step is not None
    assert (step.from_rung.slug, step.on, step.why, step.reached) == (
        "baby-press-up",
        DEC_1,
        SPREAD,
        6,
    )
    assert patient_note(step, CATALOG) == (
        "↓ Stepped down from baby press-ups on 1 Dec: your symptoms spread down to the foot"
    )
    assert clinician_words(current, CATALOG) == (
        "Lying propped on elbows (prone lying on elbows) — stepped down from baby press-ups "
        "(partial prone press-up) on 1 Dec after symptoms spread to the foot"
    )
    assert advice_json(current) == {
        "rung": "prone-prop",
        "kind": "step-down",
        "reason": advice.reason,
        "contact_clinician": False,
        "contact_reason": None,
        "stepped_down_from": {
            "rung": "baby-press-up",
            "on": "2026-12-01",
            "why": "spread",
            "reached_level": 6,
        },
    }


def test_the_step_down_stays_while_the_lower_rung_goes_well_and_ends_on_the_way_back_up():
    bad = s("baby-press-up", Outcome.WORSE, stopped=True)
    _advice, current = now([bad, s("prone-prop")])
    assert current.rung.slug == "prone-prop"
    assert current.step_down is not None and current.step_down.why == STOPPED
    assert "you stopped because it hurt" in patient_note(current.step_down, CATALOG)
    assert clinician_words(current, CATALOG).endswith("after a stop for pain")
    # Three good sessions in a row: back up to baby press-ups, no step-down any more.
    advice, current = now([bad, s("prone-prop"), s("prone-prop"), s("prone-prop")])
    assert advice.kind is AdviceKind.PROGRESS and current.rung.slug == "baby-press-up"
    assert current.step_down is None


def test_no_step_down_without_a_bad_session_nor_at_the_lowest_rung():
    _advice, current = now([s("baby-press-up")])
    assert current.step_down is None and current.rung.slug == "baby-press-up"
    assert clinician_words(current, CATALOG) == "Baby press-ups (partial prone press-up)"
    _advice, current = now([s("prone-lying", Outcome.WORSE)])  # rest, then again gently
    assert current.rung.slug == "prone-lying" and current.step_down is None
    _advice, current = now([])
    assert current.rung.slug == "prone-lying" and current.step_down is None
    assert advice_json(current)["kind"] == "start"


def test_a_short_session_that_went_well_does_not_hide_the_step_down():
    history = [s("baby-press-up", Outcome.PERIPHERALIZED), s("prone-prop", complete=False)]
    _advice, current = now(history)
    assert current.step_down is not None and current.step_down.from_rung.slug == "baby-press-up"


def test_a_rise_in_pain_is_said_as_such():
    _advice, current = now([s("full-press-up", Outcome.WORSE)])
    assert current.rung.slug == "baby-press-up"
    assert current.step_down is not None
    assert patient_note(current.step_down, CATALOG).endswith(": your pain went up")
    assert clinician_words(current, CATALOG).endswith("after a rise in pain")


# ---- guarded choices -----------------------------------------------------------------


def test_a_higher_rung_than_advised_is_guarded_the_advised_and_lower_ones_are_not():
    history = [s("prone-prop")]
    advice = advise(history, PROGRAM, "prone-lying")
    assert advice.rung.slug == "prone-prop"
    assert choice_warning(advice, rung("prone-prop"), history) is None
    assert choice_warning(advice, rung("prone-lying"), history) is None
    warning = choice_warning(advice, rung("baby-press-up"), history)
    assert warning == (
        "Baby press-ups is higher up the ladder than the advised exercise, lying propped on "
        "elbows. Going up before you are ready can make your symptoms worse or spread them "
        "down the leg."
    )
    assert choice_warning(advice, rung("press-up-overpressure"), history) is not None


def test_the_rung_that_just_made_things_worse_is_guarded_with_its_reason():
    history = [s("baby-press-up", Outcome.PERIPHERALIZED)]
    advice = advise(history, PROGRAM, "prone-lying")
    assert advice.rung.slug == "prone-prop"
    assert choice_warning(advice, rung("baby-press-up"), history) == (
        "Last time, on 1 Dec, baby press-ups made things worse (your symptoms spread further "
        "down the leg). The advice is to skip it for now and do lying propped on elbows "
        "instead."
    )


def test_a_lower_rung_that_made_things_worse_is_guarded_too():
    # Lying face down spread the symptoms; later the advice went up to baby press-ups.
    history = [
        s("prone-lying", Outcome.PERIPHERALIZED, DEC_1 - dt.timedelta(days=3)),
        s("prone-prop", day=DEC_1 - dt.timedelta(days=2)),
        s("prone-prop", day=DEC_1 - dt.timedelta(days=2)),
        s("prone-prop", day=DEC_1 - dt.timedelta(days=2)),
    ]
    advice = advise(history, PROGRAM, "prone-lying")
    assert advice.rung.slug == "baby-press-up"
    warning = choice_warning(advice, rung("prone-lying"), history)
    assert warning is not None and warning.startswith("Last time, on 28 Nov, lying face down")
    assert choice_warning(advice, rung("prone-prop"), history) is None


@pytest.mark.parametrize("outcome", [Outcome.BETTER, Outcome.NO_CHANGE, Outcome.CENTRALIZED])
def test_a_rung_whose_last_session_went_well_is_not_guarded_for_an_earlier_bad_one(outcome):
    history = [
        s("prone-prop", Outcome.WORSE, DEC_1 - dt.timedelta(days=1)),
        s("prone-prop", outcome),
        s("prone-lying", Outcome.WORSE, stopped=True),
    ]
    advice = advise(history, PROGRAM, "prone-lying")
    assert advice.rung.slug == "prone-lying"
    assert choice_warning(advice, rung("prone-prop"), history) is not None  # higher
    assert "made things worse" not in (choice_warning(advice, rung("prone-prop"), history) or "")


def test_the_advised_rung_is_never_guarded_even_when_it_made_things_worse():
    history = [s("prone-lying", Outcome.WORSE)]
    advice = advise(history, PROGRAM, "prone-lying")
    assert advice.rung.slug == "prone-lying"
    assert choice_warning(advice, rung("prone-lying"), history) is None
