"""A German user's walk: every page, dialog and wizard step shows German, with no English
left (proper names aside). Each screen is opened the way a user opens it (clicks, keys,
accessible names); what it shows is gathered by ``german_walk.texts`` and checked word by
word and against the app's English texts.

The user is driven by the German names a screen reader would say: ``de("Next")`` is the
German of the English text, as the app shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from sciatica_journal.domain import language
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.red_flags import ScreenResult, Trigger
from sciatica_journal.gui.main_window import (
    CALENDAR,
    JOURNAL,
    PROGRESS,
    SYMPTOMS,
    TODAY,
    MainWindow,
)
from sciatica_journal.gui.red_flag_dialogs import OutcomeDialog, RedFlagDialog
from sciatica_journal.gui.session_wizard import SessionWizard
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.gui.weekly_check_dialog import WeeklyCheckDialog
from sciatica_journal.services import languages
from sciatica_journal.services.container import Services, build_services
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.gui.conftest import add_wizard, find, when_modal
from tests.gui.german_walk import english_left, english_source, english_words
from tests.gui.test_session_wizard import hold_for, run_clock, run_to_the_end, stepped_clock

HOUR = dt.timedelta(hours=1)
LEFT = Qt.MouseButton.LeftButton


def de(english: str) -> str:
    """The German the app shows for ``english`` (a text of the catalogs)."""
    return language._(english)


@pytest.fixture
def journal(qapp, data_dir, clock) -> Iterator[Callable[..., Services]]:
    """Opens a journal set to German as the app opens it, with a check-in (the calf) and
    today's safety questions ``answered``; ``sessions`` are recorded first (no notes: what
    a user writes is theirs, in any language)."""
    opened: list[Services] = []

    def open_journal(*sessions, answered: bool = True) -> Services:
        first = build_services(data_dir, clock)
        first.profiles.accept_disclaimer()
        first.profiles.save(first.profiles.default_profile())
        first.preferences.save(Preferences(language="de"))
        first.close()
        services = build_services(data_dir, clock)
        opened.append(services)
        for session in sessions:
            services.sessions.record(session)
        services.symptoms.record_check_in(symptom_map("calf-right"))
        if answered:
            no = {q.code: False for q in services.program.red_flags}
            services.red_flags.record(no, Trigger.DAILY)
        install_translators(qapp)
        return services

    yield open_journal
    for services in opened:
        services.close()
    languages.use_language("en")
    install_translators(qapp)


@pytest.fixture
def german(journal) -> Services:
    """Two sessions today (lying face down, then baby press-ups)."""
    return journal(
        new_session(NOW - 5 * HOUR, rung="prone-lying", reps=None),
        new_session(NOW - 2 * HOUR),
    )


def open_window(qtbot, services: Services) -> MainWindow:
    shown = MainWindow(services)
    qtbot.addWidget(shown)
    shown.resize(1180, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def window(qtbot, german) -> MainWindow:
    return open_window(qtbot, german)


# ---- driving -------------------------------------------------------------------------


def press(qtbot, root: QWidget, name: str) -> None:
    button = find(root, name, QPushButton)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, LEFT)


def tick(qtbot, root: QWidget, name: str) -> None:
    """Click a radio button or check box on its indicator, as a user would."""
    button = find(root, name, QWidget)
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def score(qtbot, root: QWidget, name: str, value: int) -> None:
    slider = find(root, name)
    slider.setFocus()
    for digit in str(value):
        qtbot.keyClick(slider, digit)
    assert slider.value() == value  # type: ignore[attr-defined]


def mark(qtbot, step, code: str, button=LEFT) -> None:
    board = step.editor.map_widget
    qtbot.mouseClick(board, button, pos=board.region_point(code).toPoint())


def go_to(qtbot, window: MainWindow, page: int) -> QWidget:
    """Click the page's entry in the sidebar."""
    navigation = window.navigation
    where = navigation.visualItemRect(navigation.item(page)).center()
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=where)
    assert navigation.currentRow() == page
    return window.pages.currentWidget()


def answer_safety(qtbot, seen: dict[str, list[str]], yes=(), then: str = "") -> None:
    """Answer the safety questions when they come up (``yes``: the numbers answered yes),
    noting what they and the answer's dialog show."""

    def answer(dialog) -> None:
        seen["safety questions"] = english_left(dialog)
        for number in range(1, 8):
            choice = "Question {number}: yes" if number in yes else "Question {number}: no"
            tick(qtbot, dialog, de(choice).format(number=number))
        if yes:
            when_modal(qtbot, told)
        press(qtbot, dialog, de("Continue"))

    def told(dialog) -> None:
        seen[then or "answer"] = english_left(dialog)
        dialog.accept()

    when_modal(qtbot, answer)


def start(qtbot, window: MainWindow) -> SessionWizard:
    wizard = window.start_session()
    assert wizard is not None
    add_wizard(qtbot, wizard)
    return wizard


def check_in(qtbot, wizard: SessionWizard, back: int = 4, leg: int = 5) -> None:
    score(qtbot, wizard, de("Back pain before"), back)
    score(qtbot, wizard, de("Leg pain before"), leg)
    press(qtbot, wizard, de("Next"))


def check_out(qtbot, wizard: SessionWizard, back: int, leg: int) -> None:
    score(qtbot, wizard, de("Back pain after"), back)
    score(qtbot, wizard, de("Leg pain after"), leg)
    press(qtbot, wizard, de("Next"))


def choose(qtbot, wizard: SessionWizard, slug: str, seen: dict[str, list[str]] | None = None):
    """Choose ``slug``; a choice against the advice asks first: "Do it anyway" (what the
    question shows goes into ``seen``)."""
    combo = find(wizard, de("Exercise"), QComboBox)
    if wizard.exercise.warning_for(slug) is not None:

        def anyway(box) -> None:
            if seen is not None:
                seen[f"against the advice: {slug}"] = english_left(box)
            press(qtbot, box, de("Do it anyway"))

        when_modal(qtbot, anyway)
    combo.setCurrentIndex(combo.findData(slug))


def press_ups(qtbot, wizard: SessionWizard, steps: dict[str, list[str]], reps: int = 6) -> None:
    """The exercise step, then a set of ``reps`` press-ups counted by the user on the floor
    view (the panel before it, the set, the note on it) and the range (half, pelvis down)."""
    steps["exercise"] = english_left(wizard)
    press(qtbot, wizard, de("Next"))
    steps["before the set, led and counted"] = english_left(wizard)
    tick(qtbot, wizard, de("I count myself"))
    steps["before the set, counting myself"] = english_left(wizard)
    press(qtbot, wizard, de("Start the set"))
    assert wizard.reps.running
    steps["the set, counting myself"] = english_left(wizard)
    for _ in range(reps):
        press(qtbot, wizard, de("Add a repetition"))
    assert find(wizard, de("Count"), QLabel).text() == str(reps)
    steps[f"the set, {reps} counted"] = english_left(wizard)
    if reps > 10:  # above the dose (the floor view says so); one taken back with −1
        press(qtbot, wizard, de("Remove a repetition"))
        steps[f"the set, {reps - 1} counted"] = english_left(wizard)
    press(qtbot, wizard, de("Set done"))
    assert wizard.step == 3  # on to the range by itself
    assert find(wizard, de("Your set"), QLabel).isVisible()
    steps["range, with what the set did"] = english_left(wizard)
    tick(qtbot, wizard, de("Range: {range}").format(range=de("half")))
    tick(qtbot, wizard, de("Pelvis stayed down: yes"))
    press(qtbot, wizard, de("Next"))
    steps["check-out"] = english_left(wizard)


def all_german(seen: dict[str, list[str]]) -> None:
    assert seen == {name: [] for name in seen}


# ---- the detector and the catalogs ---------------------------------------------------


def test_the_detector_tells_english_from_german():
    assert english_words("Save the session") == ["Save", "the", "session"]
    assert english_words("Übungseinheit speichern") == []
    assert english_words("Sciatica Journal: Bericht als PDF (A4)") == []
    assert english_words("Warnzeichen (Red Flags) · Bein links · noch 2 Minuten") == []
    assert english_words("Leg diagram") == ["Leg", "diagram"]
    # A whole English text of the app is told even where no listed word gives it away.
    assert english_source("Lying propped on elbows") != []
    assert english_source("Moved up (centralized)") == ["Moved up (centralized)"]
    assert english_source("<b>Übung</b><br>Aim: 5–10 repetitions") == ["Aim: 5–10 repetitions"]
    assert english_source("Ziel: 5–10 Wiederholungen") == []


def test_every_text_of_the_catalogs_has_its_german(german):
    """The completeness the walk relies on: every message id has a German text (the
    catalogs' own test checks placeholders and staleness)."""
    from babel.messages.pofile import read_po

    from sciatica_journal.services.languages import CATALOGS, catalog_folder

    missing = []
    for name in CATALOGS:
        with (catalog_folder("de") / f"{name}.po").open("rb") as handle:
            for message in read_po(handle, locale="de"):
                strings = (message.string,) if isinstance(message.string, str) else message.string
                if message.id and not all(strings):
                    missing.append(f"{name}: {message.id!r}")
    assert missing == []


# ---- the pages -----------------------------------------------------------------------

PAGES = [
    pytest.param(TODAY, id="today"),
    pytest.param(SYMPTOMS, id="symptoms"),
    pytest.param(PROGRESS, id="progress"),
    pytest.param(CALENDAR, id="calendar"),
    pytest.param(JOURNAL, id="journal"),
]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_german(qtbot, window, page):
    shown = go_to(qtbot, window, page)
    assert english_left(shown) == []


def test_the_window_its_sidebar_and_menus_are_german(qtbot, window):
    """The window around the pages: title, sidebar, the report button, every menu."""
    go_to(qtbot, window, SYMPTOMS)
    window.page_area.hide()  # the page is walked on its own
    assert english_left(window) == []


def test_the_symptoms_page_marks_saves_and_asks_the_safety_questions(qtbot, window):
    """Marks on the diagram (and what they say to a screen reader), the legend, a save,
    and the safety questions a marked saddle brings up, with the urgent answer."""
    page = go_to(qtbot, window, SYMPTOMS)
    editor = page.editor  # type: ignore[attr-defined]
    tick(qtbot, page, de("Mark numbness"))
    mark(qtbot, page, "sole-left")
    mark(qtbot, page, "sole-left")  # stronger
    seen = {"marked": english_left(page)}
    spoken = editor.map_widget.stand_ins["sole-left"].accessibleDescription()
    assert spoken == "Taubheitsgefühl (stark)"
    mark(qtbot, page, "saddle")
    answer_safety(qtbot, seen, yes=(1,), then="urgent")
    press(qtbot, page, de("Save check-in"))
    qtbot.waitUntil(lambda: "urgent" in seen)
    seen["saved"] = english_left(page)
    all_german(seen)


# ---- the dialogs ---------------------------------------------------------------------


def test_the_journal_page_and_its_dialogs_are_german(qtbot, window, german):
    page = go_to(qtbot, window, JOURNAL)
    session = next(e for e in german.entries.entries() if e.kind == "session")
    page.select(*session.key)  # type: ignore[attr-defined]
    seen: dict[str, list[str]] = {"selected": english_left(page)}

    def look(name: str):
        def at(dialog) -> None:
            seen[name] = english_left(dialog)
            dialog.reject()

        return at

    when_modal(qtbot, look("note"))
    page.add_note()  # type: ignore[attr-defined]
    when_modal(qtbot, look("pain"))
    page.edit_pain()  # type: ignore[attr-defined]
    all_german(seen)


def test_the_safety_questions_and_their_answers_are_german(qtbot, german):
    questions = german.program.red_flags
    for trigger in Trigger:
        asked = RedFlagDialog(questions, trigger)
        qtbot.addWidget(asked)
        asked.show()
        assert english_left(asked) == [], trigger
    for result in (ScreenResult.URGENT, ScreenResult.CONTACT_DOCTOR):
        told = OutcomeDialog(result, list(questions[:2]), german.program.red_flag_advice)
        qtbot.addWidget(told)
        told.show()
        assert english_left(told) == [], result


def test_the_report_dialog_and_its_preview_are_german(qtbot, window):
    report = window.open_report()
    qtbot.addWidget(report)
    seen = {"report": english_left(report)}
    for period in range(find(report, de("Period"), QComboBox).count()):
        find(report, de("Period"), QComboBox).setCurrentIndex(period)
        seen[f"period {period}"] = english_left(report)

    def preview(dialog) -> None:
        seen["preview"] = english_left(dialog)
        dialog.reject()

    when_modal(qtbot, preview, timeout=15000)
    press(qtbot, report, de("Preview"))
    all_german(seen)


def test_the_restore_dialog_and_its_question_are_german(qtbot, window, german):
    german.backups.make("daily")
    seen: dict[str, list[str]] = {}

    def choose_one(dialog) -> None:
        seen["restore"] = english_left(dialog)
        when_modal(qtbot, lambda box: confirm(box, dialog))
        press(qtbot, dialog, de("Restore this backup"))

    def confirm(box, dialog) -> None:
        seen["confirm"] = english_left(box)
        box.button(QMessageBox.StandardButton.Cancel).click()
        QTimer.singleShot(0, dialog.reject)

    when_modal(qtbot, choose_one)
    assert window.restore_backup() is None
    all_german(seen)


def test_the_disclaimer_is_german(qtbot, window):
    seen: list[list[str]] = []

    def look(dialog) -> None:
        seen.append(english_left(dialog))
        find(dialog, de("Close"), QPushButton).click()

    when_modal(qtbot, look)
    window.show_disclaimer()
    assert seen == [[]]
    assert QApplication.activeModalWidget() is None


def dialog_from_menu(qtbot, window: MainWindow, opens: Callable[[], object]) -> list[str]:
    seen: list[list[str]] = []

    def look(dialog) -> None:
        seen.append(english_left(dialog))
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    when_modal(qtbot, look)
    opens()
    return seen[0]


def test_settings_are_german(qtbot, window):
    assert dialog_from_menu(qtbot, window, window.open_settings) == []


def test_about_is_german(qtbot, window):
    assert dialog_from_menu(qtbot, window, window.show_about) == []


def test_choosing_a_journal_to_import_is_german(qtbot, window):
    assert dialog_from_menu(qtbot, window, window.import_json) == []


# ---- the session wizard --------------------------------------------------------------


def test_a_better_press_up_session_is_german_at_every_step(qtbot, window):
    wizard = start(qtbot, window)
    steps = {"check-in": english_left(wizard)}
    press(qtbot, wizard, de("Next"))  # no scores yet: the step says what is missing
    steps["check-in, scores missing"] = english_left(wizard)
    check_in(qtbot, wizard)
    press_ups(qtbot, wizard, steps)
    check_out(qtbot, wizard, 3, 3)
    steps["result"] = english_left(wizard)
    assert find(wizard, de("Outcome"), QLabel).text() == de("Better")

    def discard(box) -> None:
        steps["discard?"] = english_left(box)
        press(qtbot, box, de("Discard the session"))

    when_modal(qtbot, discard)
    press(qtbot, wizard, de("Cancel"))
    all_german(steps)


def test_a_worse_session_and_the_step_down_are_german(qtbot, german, window):
    wizard = start(qtbot, window)
    check_in(qtbot, wizard, 3, 3)
    steps: dict[str, list[str]] = {}
    press_ups(qtbot, wizard, steps)
    check_out(qtbot, wizard, 6, 6)
    steps["result, worse"] = english_left(wizard)
    assert find(wizard, de("Outcome"), QLabel).text() == de("Worse")
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, de("Finish"))
    today = window.pages.currentWidget()
    steps["today and its ladder, stepped down"] = english_left(today)
    assert find(today, de("Stepped down"), QLabel).text().startswith("↓ ")
    stepped_down = start(qtbot, window)
    check_in(qtbot, stepped_down)
    steps["exercise, stepped down"] = english_left(stepped_down)
    assert stepped_down.exercise.selected_rung().slug == "prone-prop"
    all_german(steps)


def test_a_choice_against_the_advice_asks_in_german(qtbot, window):
    """A higher rung than advised asks first (the question and its buttons in German); the
    page then says the exercise is not the advised one."""
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    steps: dict[str, list[str]] = {}
    choose(qtbot, wizard, "full-press-up", steps)
    assert list(steps) == ["against the advice: full-press-up"]
    assert wizard.exercise.selected_slug() == "full-press-up" and wizard.exercise.against_advice()
    steps["exercise, chosen against the advice"] = english_left(wizard)
    when_modal(qtbot, lambda box: press(qtbot, box, de("Discard the session")))
    press(qtbot, wizard, de("Cancel"))
    all_german(steps)


def test_the_same_and_a_spreading_session_are_german(qtbot, window):
    steps: dict[str, list[str]] = {}
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    press_ups(qtbot, wizard, steps, reps=11)  # above the dose: the floor view says so
    check_out(qtbot, wizard, 4, 5)
    steps["result, no change"] = english_left(wizard)
    assert find(wizard, de("Outcome"), QLabel).text() == de("No change")
    press(qtbot, wizard, de("Back"))
    mark(qtbot, wizard.check_out, "sole-right")
    press(qtbot, wizard, de("Next"))
    steps["result, spread down"] = english_left(wizard)
    assert find(wizard, de("Outcome"), QLabel).text() == de("Spread further down")
    all_german(steps)


def test_a_guided_hold_paused_and_stopped_for_pain_is_german(qtbot, window):
    clock = stepped_clock(window)
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "prone-lying")
    steps = {"exercise, a hold": english_left(wizard)}
    press(qtbot, wizard, de("Next"))
    steps["before the hold"] = english_left(wizard)
    press(qtbot, wizard, de("Start the set"))
    steps["hold, getting ready"] = english_left(wizard)
    hold_for(qtbot, wizard, clock, 75)
    assert find(wizard, de("Count"), QLabel).text() == "1:45"
    steps["hold running"] = english_left(wizard)
    floor = find(wizard, de("Floor view"))
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    assert find(wizard, de("Instruction"), QLabel).text() == de("Paused: Space goes on")
    steps["hold paused"] = english_left(wizard)
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    hold_for(qtbot, wizard, clock, 100)
    steps["hold, the last seconds"] = english_left(wizard)
    qtbot.keyClick(floor, Qt.Key.Key_Escape)  # Stop — this hurts
    assert wizard.step == 4
    steps["check-out after a stop"] = english_left(wizard)
    tick(qtbot, wizard, de("Stopped for another reason"))
    steps["check-out after a stop for another reason"] = english_left(wizard)
    tick(qtbot, wizard, de("Stopped for another reason"))  # it did hurt, after all
    press(qtbot, wizard, de("Next"))
    steps["result after a stop"] = english_left(wizard)
    assert find(wizard, de("Outcome"), QLabel).text() == de("Worse")
    all_german(steps)


def test_guided_sets_run_to_their_end_in_german(qtbot, window):
    """Press-ups led and counted by the app, and a hold, each to its end: the floor view at
    each cue and the note on what the set did on the next step."""
    clock = stepped_clock(window)
    steps: dict[str, list[str]] = {}
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, de("Next"))
    assert wizard.reps.counts_for_me()
    press(qtbot, wizard, de("Start the set"))
    steps["press-ups, getting ready"] = english_left(wizard)
    shown: set[str] = set()
    while wizard.reps.reps() < 1:  # each cue of a repetition, on screen
        run_clock(qtbot, wizard, clock, 0.25)
        instruction = find(wizard, de("Instruction"), QLabel).text()
        if instruction not in shown:
            shown.add(instruction)
            steps[f"press-ups, {instruction}"] = english_left(wizard)
    assert len(shown) >= 4  # up, at the top, down, relax
    floor = find(wizard, de("Floor view"))
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    steps["press-ups paused"] = english_left(wizard)
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    run_to_the_end(qtbot, wizard, clock)
    assert wizard.step == 3
    assert find(wizard, de("Your set"), QLabel).text() == "✓ 10 von 10 Wiederholungen."
    steps["range, after the led set"] = english_left(wizard)
    press(qtbot, wizard, de("Back"))
    steps["before the set again, with the last set"] = english_left(wizard)
    when_modal(qtbot, lambda box: press(qtbot, box, de("Discard the session")))
    press(qtbot, wizard, de("Cancel"))
    qtbot.waitUntil(lambda: not wizard.isVisible())

    hold = start(qtbot, window)
    check_in(qtbot, hold)
    choose(qtbot, hold, "prone-lying")
    press(qtbot, hold, de("Next"))
    press(qtbot, hold, de("Start the set"))
    hold_for(qtbot, hold, clock, 180)
    steps["hold done"] = english_left(hold)
    run_to_the_end(qtbot, hold, clock)
    assert hold.step == 4
    assert find(hold, de("Your set"), QLabel).isVisible()
    steps["check-out after the hold"] = english_left(hold)
    all_german(steps)


def test_the_safety_questions_in_the_wizard_are_german(qtbot, journal):
    """The day's first session asks them; a "yes" to 7 says to see a doctor and goes on.
    A marked saddle asks them; a "yes" to 1 says to seek care now and closes the wizard."""
    window = open_window(qtbot, journal(answered=False))
    seen: dict[str, list[str]] = {}
    wizard = start(qtbot, window)
    answer_safety(qtbot, seen, yes=(7,), then="see a doctor")
    check_in(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.step == 1)
    seen["exercise, after the doctor's advice"] = english_left(wizard)
    when_modal(qtbot, lambda box: press(qtbot, box, de("Discard the session")))
    press(qtbot, wizard, de("Cancel"))
    qtbot.waitUntil(lambda: not wizard.isVisible())
    urgent = start(qtbot, window)
    mark(qtbot, urgent.check_in, "saddle")
    answer_safety(qtbot, seen, yes=(1,), then="seek care now")
    check_in(qtbot, urgent)
    qtbot.waitUntil(lambda: not urgent.isVisible())
    assert set(seen) == {
        "safety questions",
        "see a doctor",
        "exercise, after the doctor's advice",
        "seek care now",
    }
    all_german(seen)


def test_a_day_paused_by_a_red_flag_is_german(qtbot, journal):
    services = journal()
    yes = {q.code: q.code == "saddle-numbness" for q in services.program.red_flags}
    services.red_flags.record(yes, Trigger.SADDLE)
    window = open_window(qtbot, services)
    assert window.start_session() is None
    assert english_left(go_to(qtbot, window, TODAY)) == []


def test_the_advice_to_contact_the_clinician_is_german(qtbot, journal):
    """Worse twice on the lowest exercise: the wizard says to contact the clinician."""
    worse = {"before": (3, 3), "after": (7, 7), "rung": "prone-lying", "reps": None}
    services = journal(
        new_session(NOW - 5 * HOUR, **worse),  # type: ignore[arg-type]
        new_session(NOW - 3 * HOUR, **worse),  # type: ignore[arg-type]
    )
    window = open_window(qtbot, services)
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    assert find(wizard, de("Contact your clinician"), QLabel).isVisibleTo(wizard)
    steps = {"exercise, contact the clinician": english_left(wizard)}
    all_german(steps)


def test_the_leg_diagram_writes_its_views_and_sides_in_german(german):
    """The words drawn on the picture itself (on the Symptoms page and in the PDF)."""
    from sciatica_journal.paths import resource_path
    from sciatica_journal.reports.body_map_painter import drawing_in_language

    drawing = bytes(drawing_in_language(resource_path("body_map.svg")).data()).decode()
    for english in ("Back", "Front", "Left", "Right"):
        assert f">{english}</text>" not in drawing
    for german_word in ("Rückseite", "Vorderseite", "Links", "Rechts"):
        assert f">{german_word}</text>" in drawing


def test_safety_questions_asked_on_marking_and_their_yes_answers_are_german(
    qtbot, journal, tmp_path
):
    """Both legs newly marked at the check-out ask at once (a "yes" to 7: see a doctor);
    the Journal's rows of the screenings and the report's red-flag lines are German."""
    import re
    import unicodedata

    from pypdf import PdfReader

    from sciatica_journal.reports.body_map_painter import BodyMapDrawing
    from sciatica_journal.reports.pdf_report import write_report
    from sciatica_journal.services.report_service import ReportOptions

    services = journal(new_session(NOW - 2 * HOUR, rung="prone-lying", reps=None))
    window = open_window(qtbot, services)
    seen: dict[str, list[str]] = {}
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    press(qtbot, wizard, de("Next"))  # lying face down, a hold
    press(qtbot, wizard, de("Next"))
    mark(qtbot, wizard.check_out, "calf-left")  # the calf on the right is marked already
    answer_safety(qtbot, seen, yes=(7,), then="see a doctor")  # the wizard is modal: after
    qtbot.waitUntil(lambda: "see a doctor" in seen and QApplication.activeModalWidget() is wizard)
    check_out(qtbot, wizard, back=3, leg=4)
    press(qtbot, wizard, de("Finish"))
    qtbot.waitUntil(lambda: not wizard.isVisible())
    yes = {q.code: q.code == "incontinence" for q in services.program.red_flags}
    services.operations.record_screening(yes, Trigger.SADDLE)
    seen["journal"] = english_left(go_to(qtbot, window, JOURNAL))
    summaries = [e.summary for e in services.entries.entries() if e.kind == "screening"]
    assert any("„Neuer Verlust der Kontrolle über Blase oder Darm“" in s for s in summaries)
    all_german(seen)
    target = tmp_path / "bericht.pdf"
    write_report(services.reports.gather(ReportOptions()), BodyMapDrawing(services.catalog), target)
    raw = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))
    assert (
        "Di., 24. Nov. 2026, 15:00 — dringend (Notfallversorgung empfohlen): „Ja“ bei "
        "„Neuer Verlust der Kontrolle über Blase oder Darm“" in text
    )
    assert "zeitnah ärztlich abklären: „Ja“ bei „Fieber, ungeklärter Gewichtsverlust" in text


def test_the_weekly_check_is_german(qtbot, german, window):
    """The weekly check from Today: its button and every measure of its dialog (the
    baseline, then a later week with the global rating)."""
    button = find(window, de("Weekly check (2 minutes)"), QPushButton)
    assert english_left(window.today_page) == []
    seen: list[list[str]] = []
    when_modal(qtbot, lambda dialog: (seen.append(english_left(dialog)), dialog.reject()))
    button.click()
    assert seen == [[]]
    every = WeeklyCheckDialog(list(german.measures.measures), ("Sitzen",), window)
    qtbot.addWidget(every)
    every.show()
    assert english_left(every) == []
