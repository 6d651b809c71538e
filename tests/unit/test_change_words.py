"""Issue 14.3: every outcome and map-change sentence names the kind marked at the farthest
point before and after, table-driven over each outcome with mixed kinds; whole sentences in
English and a few in German (region names from body_regions.de.toml)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sciatica_journal.domain.body import Mark, RegionCatalog, SymptomKind, SymptomMap
from sciatica_journal.domain.change_words import Farthest, farthest, kinds_words
from sciatica_journal.domain.map_comparison import compare_maps, describe_change
from sciatica_journal.domain.outcome import explain_outcome, session_outcome
from sciatica_journal.domain.sessions import Outcome, PainScores
from sciatica_journal.services import languages
from sciatica_journal.services.program_loader import load_catalog, load_program

PROGRAM = load_program()
CATALOG = load_catalog()
PAIN, NUMB, TINGLE = SymptomKind.PAIN, SymptomKind.NUMBNESS, SymptomKind.TINGLING


def marks(*pairs: tuple[str, SymptomKind], intensity: int = 2) -> SymptomMap:
    return SymptomMap(tuple(Mark(region, kind, intensity) for region, kind in pairs))


CENTRAL = "That is centralization, a good sign."
SPREAD = "That is peripheralization, a sign to skip this exercise for now."
NO_CHANGE = "No change: it did not make things worse. That is fine; keep going."
LIGHTER = "Your symptoms reach as far as before but are fewer or milder: better."

FOOT_TINGLE_THIGH_PAIN = marks(("sole-right", TINGLE), ("thigh-back-right", PAIN))

# id, pain before, pain after, map before, map after, outcome, the whole explanation
TABLE = [
    (
        "centralized-same-kind-retreats",
        (4, 4),
        (4, 4),
        marks(("sole-right", TINGLE), ("low-back-right", PAIN)),
        marks(("calf-right", TINGLE), ("low-back-right", PAIN)),
        Outcome.CENTRALIZED,
        "In your right leg, the tingling has retreated from your foot to your lower leg. "
        + CENTRAL,
    ),
    (
        "centralized-kind-changes-at-the-farthest-point",  # the issue's own example
        (4, 4),
        (4, 4),
        FOOT_TINGLE_THIGH_PAIN,
        marks(("thigh-back-right", PAIN)),
        Outcome.CENTRALIZED,
        "In your right leg, the tingling in your foot has gone; pain remains in your thigh. "
        + CENTRAL,
    ),
    (
        "centralized-several-kinds-at-the-farthest-point",
        (4, 4),
        (4, 4),
        marks(("sole-left", PAIN), ("sole-left", TINGLE), ("calf-left", NUMB)),
        marks(("calf-left", NUMB), ("shin-left", PAIN)),
        Outcome.CENTRALIZED,
        "In your left leg, the pain and tingling in your foot have gone; pain and numbness "
        "remain in your lower leg. " + CENTRAL,
    ),
    (
        "centralized-a-leg-clears-while-the-back-stays",
        (4, 4),
        (4, 4),
        marks(("big-toe-right", NUMB), ("low-back-center", PAIN)),
        marks(("low-back-center", PAIN)),
        Outcome.CENTRALIZED,
        "In your right leg, the numbness in your toes has gone, and nothing else is marked on "
        "that side. " + CENTRAL,
    ),
    (
        "centralized-both-legs",
        (4, 4),
        (4, 4),
        marks(("sole-left", PAIN), ("knee-back-left", TINGLE), ("heel-right", NUMB)),
        marks(("knee-back-left", TINGLE), ("thigh-back-right", NUMB)),
        Outcome.CENTRALIZED,
        "In your left leg, the pain in your foot has gone; tingling remains in your knee. "
        "In your right leg, the numbness has retreated from your ankle to your thigh. " + CENTRAL,
    ),
    (
        "centralized-into-the-back-only",
        (4, 4),
        (4, 4),
        marks(("buttock-right", PAIN), ("low-back-right", TINGLE)),
        marks(("low-back-right", TINGLE)),
        Outcome.CENTRALIZED,
        "On your right side, the pain in your buttock has gone; tingling remains in your low "
        "back. " + CENTRAL,
    ),
    (
        "abolished-names-every-kind-marked",
        (5, 5),
        (2, 2),
        FOOT_TINGLE_THIGH_PAIN,
        marks(),
        Outcome.ABOLISHED,
        "Nothing is marked after the exercise: the pain and tingling you marked before have "
        "gone. An excellent response.",
    ),
    (
        "abolished-back-only",
        (5, 5),
        (2, 2),
        marks(("low-back-center", PAIN)),
        marks(),
        Outcome.ABOLISHED,
        "Nothing is marked after the exercise: the pain you marked before has gone. "
        "An excellent response.",
    ),
    (
        "better-milder-same-kinds",
        (4, 4),
        (4, 4),
        FOOT_TINGLE_THIGH_PAIN,
        marks(("sole-right", TINGLE), ("thigh-back-right", PAIN), intensity=1),
        Outcome.BETTER,
        "In your right leg, tingling still reaches your foot. " + LIGHTER,
    ),
    (
        "better-another-kind-at-the-same-point",
        (4, 4),
        (4, 4),
        FOOT_TINGLE_THIGH_PAIN,
        marks(("sole-right", PAIN)),
        Outcome.BETTER,
        "In your right leg, there is now pain in your foot (before: tingling). " + LIGHTER,
    ),
    (
        "better-by-the-score-is-told-by-the-score",
        (4, 6),
        (4, 4),
        FOOT_TINGLE_THIGH_PAIN,
        FOOT_TINGLE_THIGH_PAIN,
        Outcome.BETTER,
        "Your leg pain fell from 6 to 4: better.",
    ),
    (
        "no-change",
        (4, 4),
        (4, 4),
        FOOT_TINGLE_THIGH_PAIN,
        FOOT_TINGLE_THIGH_PAIN,
        Outcome.NO_CHANGE,
        NO_CHANGE,
    ),
    (
        "no-change-another-kind-at-the-same-point",
        (4, 4),
        (4, 4),
        marks(("sole-right", TINGLE), ("calf-right", PAIN)),
        marks(("sole-right", NUMB), ("calf-right", PAIN)),
        Outcome.NO_CHANGE,
        "In your right leg, there is now numbness in your foot (before: tingling). " + NO_CHANGE,
    ),
    (
        "worse-by-the-score-is-told-by-the-score",
        (3, 3),
        (3, 5),
        FOOT_TINGLE_THIGH_PAIN,
        marks(("thigh-back-right", PAIN)),
        Outcome.WORSE,
        "Your leg pain rose from 3 to 5: that counts as worse.",
    ),
    (
        "peripheralized-same-kind-spreads",
        (4, 4),
        (4, 4),
        marks(("thigh-back-right", PAIN)),
        marks(("thigh-back-right", PAIN), ("sole-right", PAIN)),
        Outcome.PERIPHERALIZED,
        "In your right leg, the pain has spread from your thigh down to your foot. " + SPREAD,
    ),
    (
        "peripheralized-another-kind-at-the-new-farthest-point",
        (4, 4),
        (4, 4),
        marks(("thigh-back-right", PAIN)),
        marks(("thigh-back-right", PAIN), ("sole-right", TINGLE)),
        Outcome.PERIPHERALIZED,
        "In your right leg, tingling now reaches your foot; before, pain reached only your "
        "thigh. " + SPREAD,
    ),
    (
        "peripheralized-into-a-leg-with-nothing",
        (2, 0),
        (2, 0),
        marks(("low-back-center", PAIN)),
        marks(("low-back-center", PAIN), ("calf-left", NUMB), ("calf-left", TINGLE)),
        Outcome.PERIPHERALIZED,
        "In your left leg, numbness and tingling now reach your lower leg; nothing was marked "
        "there before. " + SPREAD,
    ),
    (
        "peripheralized-from-the-back-only",
        (4, 4),
        (4, 4),
        marks(("low-back-left", PAIN)),
        marks(("knee-back-left", TINGLE)),
        Outcome.PERIPHERALIZED,
        "On your left side, tingling now reaches your knee; before, pain reached only your low "
        "back. " + SPREAD,
    ),
    (
        "peripheralized-one-leg-names-only-the-leg-that-spread",
        (4, 4),
        (4, 4),
        marks(("calf-left", PAIN), ("thigh-back-right", TINGLE)),
        marks(("thigh-back-left", PAIN), ("calf-right", NUMB)),
        Outcome.PERIPHERALIZED,
        "In your right leg, numbness now reaches your lower leg; before, tingling reached only "
        "your thigh. " + SPREAD,
    ),
]


def _explain(before, after, map_before, map_after, catalog=CATALOG):
    kwargs = dict(
        pain_before=PainScores(*before),
        pain_after=PainScores(*after),
        map_before=map_before,
        map_after=map_after,
        stopped_for_pain=False,
        catalog=catalog,
    )
    outcome = session_outcome(thresholds=PROGRAM.thresholds, **kwargs)
    return outcome, explain_outcome(outcome, **kwargs)


@pytest.mark.parametrize(
    ("before", "after", "map_before", "map_after", "expected", "sentence"),
    [row[1:] for row in TABLE],
    ids=[row[0] for row in TABLE],
)
def test_each_outcome_names_the_kinds_marked(
    before, after, map_before, map_after, expected, sentence
):
    outcome, text = _explain(before, after, map_before, map_after)
    assert outcome is expected  # the judgement is the rules' (test_rules.py); only words here
    assert text == sentence


def test_every_outcome_is_in_the_table():
    assert {row[5] for row in TABLE} == set(Outcome)


def test_the_farthest_point_and_its_kinds():
    symptoms = marks(("sole-right", TINGLE), ("foot-top-right", PAIN), ("calf-right", NUMB))
    assert farthest(symptoms, "right", CATALOG) == Farthest(6, (PAIN, TINGLE))
    assert farthest(symptoms, "left", CATALOG) == Farthest(None)
    assert kinds_words((PAIN, NUMB, TINGLE)) == "pain, numbness and tingling"


CHANGE_TABLE = [
    # id, map before, map after, the line for the right leg
    (
        "retreat-with-another-kind",
        FOOT_TINGLE_THIGH_PAIN,
        marks(("thigh-back-right", PAIN)),
        "Right leg: since this morning, the tingling in your foot has gone; pain remains in "
        "your thigh — a good sign",
    ),
    (
        "spread-with-another-kind",
        marks(("thigh-back-right", PAIN)),
        FOOT_TINGLE_THIGH_PAIN,
        "Right leg: since this morning, tingling now reaches your foot; before, pain reached "
        "only your thigh",
    ),
    (
        "cleared",
        FOOT_TINGLE_THIGH_PAIN,
        marks(),
        "Right leg: since this morning, the tingling in your foot has gone, and nothing else is "
        "marked on that side — a good sign",
    ),
    (
        "milder",
        FOOT_TINGLE_THIGH_PAIN,
        marks(("sole-right", TINGLE), intensity=1),
        "Right leg: still tingling down to your foot, but less than this morning",
    ),
    (
        "stronger",
        marks(("sole-right", TINGLE), intensity=1),
        FOOT_TINGLE_THIGH_PAIN,
        "Right leg: still tingling down to your foot, but more than this morning",
    ),
    (
        "same",
        FOOT_TINGLE_THIGH_PAIN,
        FOOT_TINGLE_THIGH_PAIN,
        "Right leg: unchanged since this morning (tingling down to your foot)",
    ),
    (
        "another-kind-as-far-as-before",
        FOOT_TINGLE_THIGH_PAIN,
        marks(("sole-right", PAIN), ("sole-right", TINGLE)),
        "Right leg: since this morning, there is now pain and tingling in your foot "
        "(before: tingling)",
    ),
    ("nothing-either-time", marks(), marks(), "Right leg: still nothing marked"),
]


@pytest.mark.parametrize(
    ("before", "after", "line"), [row[1:] for row in CHANGE_TABLE], ids=[r[0] for r in CHANGE_TABLE]
)
def test_a_map_change_names_the_kinds_marked(before, after, line):
    comparison = compare_maps(before, after, CATALOG)["right"]
    assert describe_change(comparison, before, after, CATALOG, "this morning") == line


# ---- German ---------------------------------------------------------------------------


@pytest.fixture
def german() -> Iterator[RegionCatalog]:
    languages.use_language("de")
    yield load_catalog(language="de")
    languages.use_language("en")


GERMAN = [
    (
        "centralized-kind-changes-at-the-farthest-point",
        "Im rechten Bein ist Ihr Kribbeln im Bereich Fuß verschwunden; im Bereich Oberschenkel "
        "spüren Sie noch Schmerz. Das ist eine Zentralisierung, ein gutes Zeichen.",
    ),
    (
        "centralized-several-kinds-at-the-farthest-point",
        "Im linken Bein sind Ihr Schmerz und Kribbeln im Bereich Fuß verschwunden; im Bereich "
        "Unterschenkel spüren Sie noch Schmerz und Taubheitsgefühl. Das ist eine "
        "Zentralisierung, ein gutes Zeichen.",
    ),
    (
        "centralized-into-the-back-only",
        "Auf Ihrer rechten Seite ist Ihr Schmerz im Bereich Gesäß verschwunden; im Bereich "
        "unterer Rücken spüren Sie noch Kribbeln. Das ist eine Zentralisierung, ein gutes "
        "Zeichen.",
    ),
    (
        "abolished-names-every-kind-marked",
        "Nach der Übung ist nichts mehr markiert: Was Sie vorher markiert hatten (Schmerz und "
        "Kribbeln), ist verschwunden. Das ist eine sehr gute Reaktion.",
    ),
    (
        "peripheralized-another-kind-at-the-new-farthest-point",
        "Im rechten Bein reicht jetzt Kribbeln bis in den Bereich Fuß; vorher reichte Schmerz "
        "nur bis in den Bereich Oberschenkel. Das ist eine Peripherisierung: Lassen Sie diese "
        "Übung vorerst aus.",
    ),
    (
        "peripheralized-into-a-leg-with-nothing",
        "Im linken Bein reichen jetzt Taubheitsgefühl und Kribbeln bis in den Bereich "
        "Unterschenkel; vorher war dort nichts markiert. Das ist eine Peripherisierung: Lassen "
        "Sie diese Übung vorerst aus.",
    ),
    (
        "better-another-kind-at-the-same-point",
        "Im rechten Bein spüren Sie im Bereich Fuß jetzt Schmerz (vorher: Kribbeln). Ihre "
        "Beschwerden reichen so weit wie vorher, sind aber weniger oder schwächer: besser.",
    ),
]


@pytest.mark.parametrize(("case", "sentence"), GERMAN, ids=[row[0] for row in GERMAN])
def test_the_words_in_german(german, case, sentence):
    row = next(r for r in TABLE if r[0] == case)
    _outcome, text = _explain(*row[1:5], catalog=german)
    assert text == sentence


def test_a_map_change_in_german(german):
    comparison = compare_maps(FOOT_TINGLE_THIGH_PAIN, marks(("thigh-back-right", PAIN)), german)
    line = describe_change(
        comparison["right"],
        FOOT_TINGLE_THIGH_PAIN,
        marks(("thigh-back-right", PAIN)),
        german,
        "heute Morgen",
    )
    assert line == (
        "Rechtes Bein: seit dem Eintrag heute Morgen ist Ihr Kribbeln im Bereich Fuß "
        "verschwunden; im Bereich Oberschenkel spüren Sie noch Schmerz – ein gutes Zeichen"
    )
