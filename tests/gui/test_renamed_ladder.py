"""A whole session through the wizard on a programme whose rung slugs are all renamed:
the same advice, texts, pictures and saved session as with the bundled programme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.program import Program
from sciatica_journal.gui.guide_sound import GuideSetup
from sciatica_journal.gui.ladder_widget import LadderWidget
from sciatica_journal.gui.session_wizard import RESULT, SessionWizard
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.services import container
from sciatica_journal.services.container import Services, build_services
from sciatica_journal.services.program_loader import load_program
from tests.builders import renamed_program_text
from tests.gui.conftest import add_wizard, find
from tests.gui.test_session_wizard import (
    SteppedClock,
    answer_safety,
    check_out,
    choose,
    count_myself,
    press,
    region_click,
    run_to_the_end,
    score,
    tick,
)


@pytest.fixture(params=["", "x-"], ids=["bundled", "renamed"])
def prefix(request) -> str:
    return request.param


@pytest.fixture
def program(prefix: str, tmp_path: Path) -> Program:
    path = tmp_path / "program.toml"
    path.write_text(renamed_program_text(prefix), encoding="utf-8")
    return load_program(path)


@pytest.fixture
def journal(program, data_dir, clock, monkeypatch) -> Iterator[Services]:
    monkeypatch.setattr(container, "load_program", lambda **_: program)
    built = build_services(data_dir, clock)
    built.profiles.accept_disclaimer()
    built.profiles.save(built.profiles.default_profile())
    built.symptoms.record_check_in(
        SymptomMap(
            (
                Mark("low-back-right", SymptomKind.PAIN, 2),
                Mark("calf-right", SymptomKind.PAIN, 2),
                Mark("sole-right", SymptomKind.TINGLING, 2),
            )
        )
    )
    yield built
    built.close()


def open_wizard(qtbot, services: Services, guide: GuideSetup | None = None) -> SessionWizard:
    wizard = SessionWizard(services, BodyMapDrawing(services.catalog), guide=guide)
    add_wizard(qtbot, wizard)
    wizard.show()
    return wizard


def check_in(qtbot, wizard: SessionWizard) -> None:
    score(qtbot, wizard, "Back pain before", 4)
    score(qtbot, wizard, "Leg pain before", 6)
    answer_safety(qtbot)
    press(qtbot, wizard, "Next")
    qtbot.waitUntil(lambda: wizard.step == 1)


def test_a_press_up_session_on_the_renamed_ladder(qtbot, journal, prefix):
    assert journal.profiles.profile().starting_rung == prefix + "prone-lying"
    wizard = open_wizard(qtbot, journal)
    check_in(qtbot, wizard)
    assert find(wizard, "Why this exercise", QLabel).text() == "Start with lying face down."
    assert wizard.exercise.correct_caption.text() == "✓ Correct: flat and relaxed"
    choose(qtbot, wizard, prefix + "baby-press-up")
    assert wizard.exercise.correct.renderer.isValid()  # the picture pair follows the rung
    assert wizard.exercise.incorrect.renderer.isValid()
    assert wizard.exercise.correct_caption.text() == "✓ Correct: pelvis stays down"
    assert wizard.exercise.incorrect_caption.text() == "✗ Incorrect: pelvis lifts"
    press(qtbot, wizard, "Next")
    count_myself(qtbot, wizard, 8)
    assert find(wizard, "Your set", QLabel).text() == "✓ 8 of 10 repetitions."
    tick(qtbot, wizard, "Range: half")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    press(qtbot, wizard, "Next")
    score(qtbot, wizard, "Back pain after", 4)
    score(qtbot, wizard, "Leg pain after", 5)
    region_click(qtbot, wizard.check_out, "sole-right", Qt.MouseButton.RightButton)
    press(qtbot, wizard, "Next")
    assert wizard.step == RESULT
    assert find(wizard, "Outcome", QLabel).text() == "Moved up (centralized)"
    assert find(wizard, "What you did", QLabel).text() == (
        "Baby press-ups: 8 of 10 reps, half way up, pelvis down. Back pain 4 → 4, leg pain 6 → 5."
    )
    assert find(wizard, "Next", QLabel).text() == (
        "Keep going with baby press-ups: last time your symptoms moved up towards your back. "
        "Repeat it through the day and again tomorrow. After 2 more good sessions you can "
        "step up."
    )
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, "Finish")
    (saved,) = journal.sessions.today().sessions
    assert (saved.rung, saved.reps_done, saved.range_reached, saved.outcome) == (
        prefix + "baby-press-up",
        8,
        "half",
        "centralized",
    )
    advice = journal.sessions.advice()
    assert advice.rung.slug == prefix + "baby-press-up"


def test_reaching_the_goal_on_the_renamed_ladder(qtbot, journal, prefix):
    clock = SteppedClock()
    wizard = open_wizard(qtbot, journal, GuideSetup(clock=clock))
    check_in(qtbot, wizard)
    choose(qtbot, wizard, prefix + "full-press-up")
    press(qtbot, wizard, "Next")
    assert wizard.reps.counts_for_me()  # ten press-ups led and counted by the app
    press(qtbot, wizard, "Start the set")
    run_to_the_end(qtbot, wizard, clock)
    assert wizard.step == 3
    assert find(wizard, "Your set", QLabel).text() == "✓ 10 of 10 repetitions."
    tick(qtbot, wizard, "Range: full")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    press(qtbot, wizard, "Next")
    check_out(qtbot, wizard, back=3, leg=5)
    press(qtbot, wizard, "Next")
    assert find(wizard, "Outcome", QLabel).text() == "Better"
    assert (
        find(wizard, "Next", QLabel)
        .text()
        .startswith("Goal reached: full press-ups with your pelvis down, without more pain.")
    )
    press(qtbot, wizard, "Finish")
    advice = journal.sessions.advice()
    assert advice.goal_met and advice.rung.slug == prefix + "full-press-up"
    ladder = LadderWidget(journal.program)
    qtbot.addWidget(ladder)
    ladder.show_state(advice.rung.slug, journal.sessions.best_range(), advice.goal_met)
    line = ladder.rows[prefix + "full-press-up"].text().replace("\u00a0", " ")  # tags: one line
    assert line == "▶ 4. Full press-ups  (goal ✓, now)"
    assert ladder.best.text() == (
        "Best press-up so far: all the way up (straight arms) with your pelvis down"
    )


def test_a_stall_leads_to_overpressure_on_the_renamed_ladder(qtbot, journal, prefix, clock):
    import datetime as dt

    from tests.builders import new_session

    for hours in (5, 4, 3):  # three no-change press-ups in a row
        journal.sessions.record(
            new_session(
                clock.moment - dt.timedelta(hours=hours),
                rung=prefix + "baby-press-up",
                before=(4, 4),
                after=(4, 4),
                map_before=SymptomMap((Mark("calf-right", SymptomKind.PAIN, 2),)),
                map_after=SymptomMap((Mark("calf-right", SymptomKind.PAIN, 2),)),
            ),
        )
    advice = journal.sessions.advice()
    assert advice.rung.slug == prefix + "press-up-overpressure"
    wizard = open_wizard(qtbot, journal)
    check_in(qtbot, wizard)
    assert wizard.exercise.selected_slug() == prefix + "press-up-overpressure"
    assert (
        find(wizard, "Why this exercise", QLabel)
        .text()
        .startswith(
            "Press-ups have not made things worse, but not better either, 3 times in a row."
        )
    )
    assert wizard.exercise.correct.renderer.isValid()
