"""The guided set as a timeline (domain/pacing.py): offsets computed by hand from the
bundled [pacing] (lead-in 3 s; press up 2 s, hold 1 s, lower 2 s, rest 2 s; close 5 s)."""

from __future__ import annotations

import copy
import tomllib

import pytest

from sciatica_journal.domain import language
from sciatica_journal.domain.pacing import (
    CueKind,
    PacingError,
    check_amount,
    guide_timeline,
    number_words,
    stopped_cue,
)
from sciatica_journal.domain.pacing_plan import Speed
from sciatica_journal.domain.program import ProgramError, parse_program
from sciatica_journal.paths import resource_path
from sciatica_journal.services import languages
from sciatica_journal.services.program_loader import load_program

PROGRAM = load_program()
PLAN = PROGRAM.pacing
BUNDLED = tomllib.loads(resource_path("program.toml").read_text(encoding="utf-8"))


def _seq(timeline):
    return [(c.at, c.kind.value, c.words, c.rep) for c in timeline.cues]


def test_ten_press_ups_at_normal_speed():
    timeline = guide_timeline(PROGRAM.rung("baby-press-up"), PLAN, reps=10)
    expected = [(0.0, "start", "Get ready… start", None)]
    words = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
    for rep in range(1, 11):
        base = 3.0 + (rep - 1) * 7.0  # each repetition: 2 + 1 + 2 + 2 seconds
        expected += [
            (base, "up", "Up", rep),
            (base + 2.0, "top", "Hold", rep),
            (base + 3.0, "down", "Down", rep),
            (base + 5.0, "count", words[rep - 1], rep),
        ]
    expected.append((73.0, "set-end", "Set complete", 10))
    assert _seq(timeline) == expected
    assert (timeline.kind, timeline.planned, timeline.speed) == ("reps", 10, Speed.NORMAL)
    assert (timeline.begins_ms, timeline.ends_ms, timeline.duration) == (3000, 73000, 78.0)
    assert {c.shown for c in timeline.cues if c.kind is CueKind.COUNT} == {"Relax"}


def test_a_three_minute_hold():
    timeline = guide_timeline(PROGRAM.rung("prone-lying"), PLAN, seconds=180)
    countdown = ["Ten", "Nine", "Eight", "Seven", "Six", "Five", "Four", "Three", "Two", "One"]
    expected = [
        (0.0, "start", "Get ready… start", None),
        (3.0, "relax", "Relax", None),
        (63.0, "minutes-left", "2 minutes left", None),
        (123.0, "minutes-left", "1 minute left", None),
        *[(173.0 + i, "countdown", word, None) for i, word in enumerate(countdown)],
        (183.0, "hold-end", "Done. Roll to your side and get up slowly.", None),
    ]
    assert _seq(timeline) == expected
    assert (timeline.kind, timeline.planned) == ("hold", 180)
    assert (timeline.begins_ms, timeline.ends_ms, timeline.duration_ms) == (3000, 183000, 188000)


def test_the_speeds_scale_each_press_up():
    rung = PROGRAM.rung("full-press-up")
    slower = guide_timeline(rung, PLAN, reps=5, speed=Speed.SLOWER)
    faster = guide_timeline(rung, PLAN, reps=5, speed=Speed.FASTER)
    # 7 s a repetition at normal speed: 10.5 s slower (x1.5), 5.25 s faster (x0.75).
    assert slower.ends_ms == 3000 + 5 * 10500
    assert faster.ends_ms == 3000 + 5 * 5250
    assert [c.at for c in faster.cues[1:5]] == [3.0, 4.5, 5.25, 6.75]


def test_the_defaults_come_from_the_dose():
    assert guide_timeline(PROGRAM.rung("prone-prop"), PLAN).planned == 180
    assert guide_timeline(PROGRAM.rung("press-up-overpressure"), PLAN).planned == 10


def test_a_short_hold_gets_no_minute_cue_right_after_it_begins():
    timeline = guide_timeline(PROGRAM.rung("prone-lying"), PLAN, seconds=65)
    # 1 minute left would come 5 s into the hold (under 10 s): left out.
    assert [c.kind for c in timeline.cues].count(CueKind.MINUTES_LEFT) == 0
    timeline = guide_timeline(PROGRAM.rung("prone-lying"), PLAN, seconds=90)
    assert [(c.at, c.words) for c in timeline.cues if c.kind is CueKind.MINUTES_LEFT] == [
        (33.0, "1 minute left")
    ]


def test_what_a_stopped_set_did():
    press = guide_timeline(PROGRAM.rung("baby-press-up"), PLAN, reps=10)
    assert press.reps_done(7999) == 0
    assert press.reps_done(8000) == 1
    assert press.reps_done(60_000) == 8
    assert press.seconds_held(60_000) == 0
    hold = guide_timeline(PROGRAM.rung("prone-lying"), PLAN, seconds=180)
    assert hold.seconds_held(2000) == 0
    assert hold.seconds_held(3000 + 42_500) == 42
    assert hold.seconds_held(999_000) == 180
    assert [c.words for c in hold.due(0, 3000)] == ["Relax"]
    assert stopped_cue(5000).words == "Stopped"


@pytest.mark.parametrize(
    ("slug", "reps", "seconds", "message"),
    [
        ("baby-press-up", 11, None, "11 repetitions is outside the dose of Baby press-ups (5–10)"),
        ("baby-press-up", 4, None, "4 repetitions is outside the dose of Baby press-ups (5–10)"),
        ("baby-press-up", 1, None, "1 repetition is outside the dose of Baby press-ups (5–10)"),
        (
            "prone-lying",
            None,
            29,
            "a hold of 29 seconds is outside the dose of Lying face down (30–600 seconds)",
        ),
        (
            "prone-lying",
            None,
            601,
            "a hold of 601 seconds is outside the dose of Lying face down (30–600 seconds)",
        ),
        ("prone-lying", 5, None, "Lying face down is held for a time, not counted in repetitions"),
        (
            "full-press-up",
            None,
            60,
            "Full press-ups is counted in repetitions, not held for a time",
        ),
    ],
)
def test_amounts_outside_the_dose_are_refused(slug, reps, seconds, message):
    with pytest.raises(PacingError) as error:
        check_amount(PROGRAM.rung(slug), reps, seconds)
    assert str(error.value) == message


def test_the_edges_of_the_dose_are_accepted():
    assert check_amount(PROGRAM.rung("baby-press-up"), 5, None) == 5
    assert check_amount(PROGRAM.rung("baby-press-up"), 10, None) == 10
    assert check_amount(PROGRAM.rung("prone-lying"), None, 30) == 30
    assert check_amount(PROGRAM.rung("prone-lying"), None, 600) == 600


def test_the_words_are_german_in_german():
    languages.use_language("de")
    try:
        press = guide_timeline(PROGRAM.rung("baby-press-up"), PLAN, reps=5)
        hold = guide_timeline(PROGRAM.rung("prone-lying"), PLAN, seconds=180)
        words = {c.words for c in press.cues + hold.cues} | {stopped_cue().words}
        assert "Up" not in words and "Relax" not in words
        assert number_words(3) != "Three"
        assert all(w.strip() for w in words)
    finally:
        languages.use_language(language.ENGLISH)


def test_number_words_above_twenty_are_digits():
    assert number_words(20) == "Twenty"
    assert number_words(21) == "21"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("press_up", "up_seconds", "two"), "'pacing.press_up.up_seconds' must be a number"),
        (("press_up", "down_seconds", 0), "'pacing.press_up.down_seconds' = 0 is outside"),
        (("speeds", "faster", 2.0), "'pacing.speeds' must give slower >= normal >= faster"),
        (("hold", "minutes_left", "yes"), "'pacing.hold.minutes_left' must be true or false"),
        (("hold", "countdown_seconds", 2.5), "'pacing.hold.countdown_seconds' must be a whole"),
    ],
)
def test_a_broken_pacing_table_names_its_key(change, message):
    data = copy.deepcopy(BUNDLED)
    table, key, value = change
    data["pacing"][table][key] = value
    with pytest.raises(ProgramError) as error:
        parse_program(data)
    assert message in str(error.value)


def test_a_missing_pacing_table_is_named():
    data = copy.deepcopy(BUNDLED)
    del data["pacing"]["hold"]
    with pytest.raises(ProgramError) as error:
        parse_program(data)
    assert "missing key 'pacing.hold'" in str(error.value)
