"""The domain speaks German when German is installed: outcome explanations, advice, map
changes, the next session's time and journal rows, as whole German sentences (no English
word left over). Names that come from the data files (rungs, body levels) are filled in
as the data gives them; their German is the data's own business."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from sciatica_journal.domain.advice import AdviceKind, SessionSummary, advise
from sciatica_journal.domain.body import SymptomKind
from sciatica_journal.domain.frequency import next_due
from sciatica_journal.domain.journal import check_in_summary, session_summary
from sciatica_journal.domain.map_comparison import compare_maps, describe_change, when_phrase
from sciatica_journal.domain.outcome import explain_outcome, session_outcome
from sciatica_journal.domain.profile import Profile, ProfileError, validate_profile
from sciatica_journal.domain.sessions import Outcome, PainScores, PressUpRange
from sciatica_journal.domain.today import DailyCount
from sciatica_journal.services import languages
from sciatica_journal.services.program_loader import load_catalog, load_program
from tests.builders import symptom_map

PROGRAM = load_program()
CATALOG = load_catalog()
ENGLISH_LEFT_OVER = (
    "the ",
    " and ",
    "your ",
    "session",
    " to ",
    " from ",
    "since",
    "leg ",
    " pain",
    "better",
    "worse",
    "today",
)


@pytest.fixture
def german() -> Iterator[None]:
    languages.use_language("de")
    yield
    languages.use_language("en")


def _no_english(text: str, *names: str) -> None:
    """No English word in ``text`` once the data's own names are taken out."""
    for name in names:
        text = text.replace(name, "")
    lowered = f" {text.lower()} "
    for word in ENGLISH_LEFT_OVER:
        assert word not in lowered, (word, text)
    assert not re.search(r"\b(you|was|were|it|is|on|of)\b", lowered), text


def _explain(before, after, map_before, map_after, stopped=False) -> str:
    kwargs = dict(
        pain_before=PainScores(*before),
        pain_after=PainScores(*after),
        map_before=map_before,
        map_after=map_after,
        stopped_for_pain=stopped,
        catalog=CATALOG,
    )
    outcome = session_outcome(thresholds=PROGRAM.thresholds, **kwargs)
    return explain_outcome(outcome, **kwargs)


def test_the_outcome_is_explained_in_german(german):
    foot = symptom_map("sole-right", kind=SymptomKind.TINGLING)
    calf = symptom_map("calf-right", kind=SymptomKind.TINGLING)
    lower_leg, foot_name = CATALOG.level_name(4), CATALOG.level_name(6)
    text = _explain((4, 4), (4, 4), foot, calf)
    assert text == (
        f"Im rechten Bein hat sich Ihr Kribbeln aus dem Bereich {foot_name} in den Bereich "
        f"{lower_leg} zurückgezogen. Das ist eine Zentralisierung, ein gutes Zeichen."
    )
    _no_english(text, lower_leg, foot_name)
    calf_pain = symptom_map("low-back-right", "calf-right")
    worse = _explain((3, 3), (5, 6), calf_pain, calf_pain)
    assert worse == (
        "Ihre Rückenschmerzen sind von 3 auf 5 gestiegen und Ihre Beinschmerzen von 3 auf 6. "
        "Das zählt als „schlechter“."
    )
    spread = _explain((4, 4), (4, 4), calf, foot)
    assert "Peripherisierung" in spread
    _no_english(spread, lower_leg, foot_name)
    for before, after, stopped in (((5, 6), (5, 4), False), ((4, 4), (4, 4), True)):
        _no_english(_explain(before, after, calf_pain, calf_pain, stopped))
    assert Outcome.PERIPHERALIZED.label == "Weiter ausgebreitet (peripherisiert)"
    assert [o.label for o in Outcome] == [
        "Abgeklungen",
        "Weiter ausgebreitet (peripherisiert)",
        "Schlechter",
        "Nach oben zurückgezogen (zentralisiert)",
        "Besser",
        "Unverändert",
    ]


def _summary(rung: str, outcome: str, day: int = 0, **extent) -> SessionSummary:
    return SessionSummary(
        rung=rung,
        local_date=dt.date(2026, 11, 24) + dt.timedelta(days=day),
        outcome=Outcome(outcome),
        **extent,
    )


def test_advice_is_given_in_german(german):
    lying = PROGRAM.find("prone-lying")
    advice = advise([_summary("prone-lying", "better")], PROGRAM, "prone-lying")
    assert advice.kind is AdviceKind.KEEP_GOING
    assert advice.reason == (
        f"Machen Sie weiter mit „{lying.name}“: Beim letzten Mal ging es Ihnen danach besser. "
        "Wiederholen Sie die Übung über den Tag verteilt und morgen wieder. Nach 2 weiteren "
        "guten Übungseinheiten können Sie eine Stufe höher gehen."
    )
    _no_english(advice.reason, lying.name)
    spread = [
        _summary(
            "baby-press-up", "peripheralized", extent_before={"right": 4}, extent_after={"right": 6}
        ),
        _summary("prone-prop", "no_change", day=1, extent_before={"right": 6}),
    ]
    contact = advise(spread, PROGRAM, "prone-lying")
    assert contact.contact_clinician
    assert contact.contact_reason == (
        "Ihre Beschwerden haben sich nach einer Übung weiter ins Bein ausgebreitet und waren am "
        "nächsten Tag noch da. Bitte wenden Sie sich an Ihre Ärztin oder Ihren Arzt."
    )
    names = [rung.name for rung in PROGRAM.rungs]
    for history in (
        [],
        [_summary("baby-press-up", "worse")],
        [_summary("prone-lying", "better")] * 3,
    ):
        _no_english(advise(history, PROGRAM, "prone-lying").reason, *names)


def test_a_map_change_is_described_in_german(german):
    foot = symptom_map("sole-left", kind=SymptomKind.TINGLING)
    calf = symptom_map("calf-left", kind=SymptomKind.TINGLING)
    lower_leg, foot_name = CATALOG.level_name(4), CATALOG.level_name(6)
    now = dt.datetime(2026, 11, 24, 18, 0)
    friday = when_phrase(dt.datetime(2026, 11, 20, 9, 0), now)
    assert friday == "am Freitag"
    assert when_phrase(dt.datetime(2026, 11, 2, 9, 0), now) == "am 2. November"
    better = describe_change(compare_maps(foot, calf, CATALOG)["left"], foot, calf, CATALOG, friday)
    assert better == (
        f"Linkes Bein: seit dem Eintrag am Freitag hat sich Ihr Kribbeln aus dem Bereich "
        f"{foot_name} in den Bereich {lower_leg} zurückgezogen – ein gutes Zeichen"
    )
    morning = when_phrase(dt.datetime(2026, 11, 24, 8, 0), now)
    for before, after in ((calf, foot), (foot, foot), (symptom_map(), calf)):
        line = describe_change(
            compare_maps(before, after, CATALOG)["left"], before, after, CATALOG, morning
        )
        _no_english(line, lower_leg, foot_name)
    summary = check_in_summary(calf, CATALOG)
    assert summary == f"Links: bis {lower_leg} · rechts: frei · 1 Markierung"


def test_the_next_session_and_the_day_count_in_german(german):
    zone = dt.UTC
    due = next_due(
        now=dt.datetime(2026, 11, 24, 10, 0, tzinfo=zone),
        done_today=2,
        target_min=5,
        target_max=8,
        waking_start=dt.time(7, 0),
        waking_end=dt.time(22, 0),
        last_session=dt.datetime(2026, 11, 24, 9, 0, tzinfo=zone),
    )
    assert due.text == "Um 12:15 Uhr."
    done = next_due(
        now=dt.datetime(2026, 11, 24, 20, 0, tzinfo=zone),
        done_today=8,
        target_min=5,
        target_max=8,
        waking_start=dt.time(7, 0),
        waking_end=dt.time(22, 0),
        last_session=None,
    )
    assert done.text == "Für heute geschafft: Alle 8 geplanten Übungseinheiten sind erledigt."
    _no_english(done.text)
    assert DailyCount(3, 5, 8).headline == "Heute 3 von 5–8"
    row = session_summary(
        pain_before=PainScores(5, 6),
        pain_after=PainScores(4, 5),
        outcome=Outcome.BETTER,
        reps_done=1,
        hold_seconds=None,
        range_reached=PressUpRange.HALF,
        pelvis_stayed_down=False,
        stopped_for_pain=False,
    )
    assert (
        row == "Rücken 5→4, Bein 6→5 · Besser · 1 Wiederholung · halb nach oben · Becken angehoben"
    )


def test_validation_messages_in_german(german):
    with pytest.raises(ProfileError) as error:
        validate_profile(Profile(target_min=0), ("prone-lying",), dt.date(2026, 11, 24))
    assert str(error.value) == "das Tagesminimum muss 1 bis 20 Übungseinheiten betragen"


def test_english_is_back_after_german(german):
    languages.use_language("en")
    assert Outcome.NO_CHANGE.label == "No change"
    assert DailyCount(3, 5, 8).headline == "3 of 5–8 today"
