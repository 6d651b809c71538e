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
