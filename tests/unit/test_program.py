"""The programme in resources/program.toml loads, and a broken one is named precisely."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_journal.domain.program import ProgramError, parse_program, parse_program_text
from sciatica_journal.paths import resource_path
from sciatica_journal.services.program_loader import load_program

BUNDLED = tomllib.loads(resource_path("program.toml").read_text(encoding="utf-8"))


def test_the_bundled_ladder_has_the_five_rungs_lowest_first():
    program = load_program()
    assert [r.slug for r in program.rungs] == [
        "prone-lying",
        "prone-prop",
        "baby-press-up",
        "full-press-up",
        "press-up-overpressure",
    ]
    assert [r.number for r in program.rungs] == [1, 2, 3, 4, 5]


def test_doses_match_the_guide():
    program = load_program()
    for slug in ("prone-lying", "prone-prop"):
        dose = program.rung(slug).dose
        assert (dose.kind, dose.default) == ("hold", 180)
        assert dose.describe() == "hold 3 min"
    for slug in ("baby-press-up", "full-press-up", "press-up-overpressure"):
        dose = program.rung(slug).dose
        assert (dose.kind, dose.minimum, dose.maximum) == ("reps", 5, 10)
        assert program.rung(slug).is_press_up


def test_thresholds_and_band_are_the_design_defaults():
    program = load_program()
    t = program.thresholds
    assert (program.target_min, program.target_max) == (5, 8)
    assert t.worse_pain_increase == 2
    assert t.good_sessions_to_progress == 3
    assert t.no_change_sessions_for_overpressure == 3
    assert t.press_up_sessions_before_overpressure == 5
    assert (t.clinically_important_points, t.clinically_important_percent) == (2, 30)


def test_every_rung_has_steps_and_cautions_in_words():
    for rung in load_program().rungs:
        assert len(rung.steps) >= 3
        assert rung.cautions
        assert all(step.endswith(".") for step in rung.steps)


def test_invalid_toml_is_reported_as_such(tmp_path: Path):
    broken = tmp_path / "program.toml"
    broken.write_text("schema = 1\n[frequency\n", encoding="utf-8")
    with pytest.raises(ProgramError, match="not valid TOML"):
        load_program(broken)


def test_a_missing_file_is_reported(tmp_path: Path):
    with pytest.raises(ProgramError, match="cannot read"):
        load_program(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["thresholds"].pop("worse_pain_increase"), "thresholds.worse_pain_increase"),
        (lambda d: d["frequency"].update(target_min="five"), "frequency.target_min"),
        (lambda d: d["frequency"].update(target_max=3), "frequency.target_max"),
        (lambda d: d["rungs"][2]["dose"].update(max_reps=2), "rungs[2].dose.max_reps"),
        (lambda d: d["rungs"][0]["dose"].update(kind="sets"), "rungs[0].dose.kind"),
        (lambda d: d["rungs"][1].update(steps=[]), "rungs[1].steps"),
        (lambda d: d["rungs"][3].update(is_press_up="yes"), "rungs[3].is_press_up"),
        (lambda d: d["rungs"].pop(4), "press-up-overpressure"),
        (lambda d: d["rungs"][1].update(slug="prone-lying"), "repeats the slug"),
        (lambda d: d.update(schema=2), "schema"),
        (lambda d: d.pop("disclaimer"), "disclaimer"),
        (lambda d: d.pop("roles"), "'roles'"),
        (lambda d: d["roles"].pop("goal"), "roles.goal"),
        (lambda d: d["roles"].update(goal="full"), "roles.goal' names the rung 'full'"),
        (lambda d: d["roles"].update(goal="prone-prop"), "roles.goal' must name a press-up"),
        (lambda d: d["roles"].update(overpressure=""), "roles.overpressure"),
        (lambda d: d["roles"].update(progress_up_to="press-up-overpressure"), "below the top"),
        (lambda d: d["roles"].update(stalling=[]), "roles.stalling"),
        (lambda d: d["roles"].update(stalling=["baby"]), "roles.stalling' names the rung 'baby"),
        (
            lambda d: d["roles"]["stalling"].append("press-up-overpressure"),
            "roles.stalling' must name press-up rungs other than",
        ),
        (lambda d: d["rungs"][0].pop("pictures"), "rungs[0].pictures"),
        (lambda d: d["rungs"][1]["cues"].pop("correct"), "rungs[1].cues.correct"),
    ],
)
def test_a_broken_program_names_the_key(edit, message):
    data = copy.deepcopy(BUNDLED)
    edit(data)
    with pytest.raises(ProgramError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_program(data)


@given(st.sampled_from(sorted(BUNDLED["thresholds"])))
def test_removing_any_threshold_names_it(key):
    data = copy.deepcopy(BUNDLED)
    del data["thresholds"][key]
    with pytest.raises(ProgramError, match=f"thresholds.{key}"):
        parse_program(data)


def test_parse_program_text_accepts_the_bundled_text():
    text = resource_path("program.toml").read_text(encoding="utf-8")
    assert parse_program_text(text).rung("baby-press-up").name == "Baby press-ups"


def test_the_rules_roles_name_the_design_rungs():
    program = load_program()
    assert program.goal.slug == "full-press-up"
    assert program.overpressure.slug == "press-up-overpressure"
    assert program.progress_limit.slug == "baby-press-up"
    assert [r.slug for r in program.rungs if program.progressable(r)] == [
        "prone-lying",
        "prone-prop",
        "baby-press-up",
    ]
    assert [r.slug for r in program.rungs if program.counts_as_stall(r.slug)] == [
        "baby-press-up",
        "full-press-up",
    ]
    assert program.step("baby-press-up", -1).slug == "prone-prop"
    assert program.step("prone-lying", -1).slug == "prone-lying"  # kept on the ladder
    assert program.step("press-up-overpressure", +1).slug == "press-up-overpressure"
    assert program.find("no-such-rung") is program.lowest


def test_every_rung_has_its_picture_pair_and_captions():
    program = load_program()
    for rung in program.rungs:
        for name in (rung.pictures.correct, rung.pictures.incorrect):
            assert resource_path("exercises", name).is_file(), name
    cues = {r.slug: r.pictures.correct_cue for r in program.rungs}
    assert cues["prone-lying"] == "flat and relaxed"
    assert cues["baby-press-up"] == "pelvis stays down"
    assert {r.pictures.incorrect_cue for r in program.rungs} == {"pelvis lifts"}


def test_a_picture_that_is_not_there_is_named(tmp_path: Path):
    text = resource_path("program.toml").read_text(encoding="utf-8")
    broken = tmp_path / "program.toml"
    broken.write_text(text.replace("full-press-up-correct.svg", "gone.svg"), encoding="utf-8")
    with pytest.raises(ProgramError, match=r"'rungs\[3\].pictures.correct' names 'gone.svg'"):
        load_program(broken)
