"""Light and dark: every page and the main dialogs are readable in both (WCAG contrast of
each text as drawn), the app follows the desktop's scheme when Appearance is System, the
Settings choice applies at once and Ctrl+Z takes it back, and the PDF stays light."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QPushButton, QWidget

from sciatica_journal.domain.preferences import Appearance, Preferences
from sciatica_journal.gui import palette
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.palette import DARK, LIGHT, colours_for
from sciatica_journal.gui.theme import theme
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.report_service import ReportOptions
from tests.contrast import contrast, luminance, unreadable
from tests.gui.conftest import find, when_modal
from tests.gui.test_session_wizard import (
    answer_safety,
    choose,
    count_myself,
    press,
    run_to_the_end,
    score,
    stepped_clock,
    tick,
)

SCHEMES = [Appearance.LIGHT, Appearance.DARK]
PAGES = ("Today", "Symptoms", "Progress", "Calendar", "Journal")


@pytest.fixture
def plain_look(qapp) -> Iterator[None]:
    """The application's look is given back after the test (the next tests expect none)."""
    yield
    theme().reset()


@pytest.fixture
def demo(services, plain_look):
    generate_demo(services)
    return services


def _use(services, appearance: Appearance) -> None:
    services.preferences.save(Preferences(appearance=appearance))
    theme().set_appearance(appearance)


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    return window


def _readable(qtbot, window: QWidget, where: str, failures: list[str]) -> None:
    qtbot.wait(30)
    failures.extend(f"{where}: {finding}" for finding in unreadable(window))


def _window_ground(window: QWidget) -> QColor:
    """The commonest colour of the window as drawn."""
    image = window.grab().toImage()
    counts = Counter(
        image.pixel(x, y) & 0xFFFFFF
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


@pytest.mark.parametrize("appearance", SCHEMES, ids=lambda a: a.value)
def test_every_page_is_readable(qtbot, demo, appearance):
    _use(demo, appearance)
    window = _window(qtbot, demo)
    failures: list[str] = []
    for row, name in enumerate(PAGES):
        window.navigation.setCurrentRow(row)
        _readable(qtbot, window, name, failures)
    assert not failures, "\n".join(failures)
    ground = luminance(_window_ground(window))
    assert (ground < 0.05) if appearance is Appearance.DARK else (ground > 0.8)


@pytest.mark.parametrize("appearance", SCHEMES, ids=lambda a: a.value)
def test_the_dialogs_are_readable(qtbot, demo, appearance):
    _use(demo, appearance)
    window = _window(qtbot, demo)
    failures: list[str] = []

    def look_and_cancel(dialog):
        _readable(qtbot, dialog, "Settings", failures)
        dialog.reject()

    when_modal(qtbot, look_and_cancel)
    window.open_settings()

    report = window.open_report()
    qtbot.waitExposed(report)
    _readable(qtbot, report, "Report", failures)
    report.reject()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("appearance", SCHEMES, ids=lambda a: a.value)
def test_every_wizard_step_is_readable(qtbot, demo, appearance):
    _use(demo, appearance)
    window = _window(qtbot, demo)
    clock = stepped_clock(window)  # the guided set waits for the test
    wizard = window.start_session()
    assert wizard is not None
    wizard.resize(1024, 600)
    failures: list[str] = []
    _readable(qtbot, wizard, "check-in", failures)
    score(qtbot, wizard, "Back pain before", 4)
    score(qtbot, wizard, "Leg pain before", 6)

    def safety(dialog):
        _readable(qtbot, dialog, "safety questions", failures)

    when_modal(qtbot, safety)
    answer_safety(qtbot)
    press(qtbot, wizard, "Next")
    qtbot.waitUntil(lambda: wizard.step == 1)
    choose(qtbot, wizard, "baby-press-up")
    _readable(qtbot, wizard, "exercise", failures)
    press(qtbot, wizard, "Next")
    _readable(qtbot, wizard, "before the set", failures)
    press(qtbot, wizard, "Start the set")  # led and counted by the app
    _readable(qtbot, wizard, "the set, led", failures)
    floor = wizard.reps.floor
    ground = luminance(_window_ground(wizard))  # the floor view: the scheme's highest contrast
    assert (ground == 0.0) if appearance is Appearance.DARK else (ground == 1.0)
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    _readable(qtbot, wizard, "the set, paused", failures)
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    run_to_the_end(qtbot, wizard, clock)
    _readable(qtbot, wizard, "range, after the set", failures)
    press(qtbot, wizard, "Back")
    _readable(qtbot, wizard, "before the set, with the last set", failures)
    count_myself(qtbot, wizard, 1, done=False)
    _readable(qtbot, wizard, "the set, counted", failures)
    press(qtbot, wizard, "Set done")
    tick(qtbot, wizard, "Range: half")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    _readable(qtbot, wizard, "range", failures)
    press(qtbot, wizard, "Next")
    score(qtbot, wizard, "Back pain after", 3)
    score(qtbot, wizard, "Leg pain after", 4)
    _readable(qtbot, wizard, "check-out", failures)
    press(qtbot, wizard, "Next")
    _readable(qtbot, wizard, "result", failures)
    wizard._touched = False  # nothing to ask when it closes
    wizard.reject()
    assert not failures, "\n".join(failures)


def test_the_scheme_is_chosen_from_the_preference_and_the_desktop():
    assert colours_for(Appearance.SYSTEM, Qt.ColorScheme.Dark) is DARK
    assert colours_for(Appearance.SYSTEM, Qt.ColorScheme.Light) is LIGHT
    assert colours_for(Appearance.SYSTEM, Qt.ColorScheme.Unknown) is LIGHT
    for scheme in Qt.ColorScheme:
        assert colours_for(Appearance.DARK, scheme) is DARK
        assert colours_for(Appearance.LIGHT, scheme) is LIGHT


def test_the_desktop_switching_scheme_is_followed_live(qtbot, demo):
    _use(demo, Appearance.SYSTEM)
    window = _window(qtbot, demo)
    window.navigation.setCurrentRow(2)  # Progress: its charts are built in the colours
    progress = window.progress_page
    app = QApplication.instance()
    with qtbot.waitSignal(theme().changed):
        theme().system_scheme_changed(Qt.ColorScheme.Dark)  # what colorSchemeChanged calls
    assert palette.current() is DARK
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert progress.charts.backgroundBrush().color().name() == DARK.chart_background
    assert not unreadable(window)
    theme().system_scheme_changed(Qt.ColorScheme.Light)
    assert palette.current() is LIGHT
    assert progress.charts.backgroundBrush().color().name() == LIGHT.chart_background
    # With Light or Dark chosen in Settings, the desktop's scheme no longer matters.
    _use(demo, Appearance.LIGHT)
    theme().system_scheme_changed(Qt.ColorScheme.Dark)
    assert palette.current() is LIGHT


def test_settings_switch_to_dark_and_ctrl_z_brings_light_back(qtbot, demo):
    _use(demo, Appearance.LIGHT)
    window = _window(qtbot, demo)
    app = QApplication.instance()

    def choose_dark(dialog):
        combo = find(dialog, "Appearance", QComboBox)
        assert combo.currentText() == "Light"
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_End)  # the last choice: Dark
        assert combo.currentText() == "Dark"
        qtbot.mouseClick(find(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, choose_dark)
    window.open_settings()
    assert demo.preferences.preferences().appearance is Appearance.DARK
    assert palette.current() is DARK
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert luminance(_window_ground(window)) < 0.05

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.runner.undo_action.isEnabled(), window.runner.undo_action.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo.preferences.preferences().appearance is Appearance.LIGHT
    assert palette.current() is LIGHT
    assert luminance(_window_ground(window)) > 0.8


def test_a_dialog_never_shown_before_opens_dark(qtbot, demo):
    _use(demo, Appearance.DARK)
    window = _window(qtbot, demo)
    seen: list[QColor] = []

    def look(dialog: QDialog):
        seen.append(dialog.palette().color(QPalette.ColorRole.Window))
        dialog.reject()

    when_modal(qtbot, look)
    window.open_settings()
    assert seen and seen[0].name() == DARK.window


def _fill_colours_of_text(reader: PdfReader) -> list[tuple[float, float, float]]:
    """The fill colour in force at each text block of every page (Qt sets it with `rg`)."""
    found = []
    for page in reader.pages:
        ops = page.get_contents().get_data().decode("latin-1")
        fill = (0.0, 0.0, 0.0)
        for token in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) rg|BT", ops):
            if token.group(0) == "BT":
                found.append(fill)
            else:
                fill = (float(token.group(1)), float(token.group(2)), float(token.group(3)))
    return found


def test_the_pdf_stays_light_in_dark_mode(qtbot, demo, tmp_path):
    data = demo.reports.gather(ReportOptions())
    drawing = BodyMapDrawing(demo.catalog)
    light, dark = tmp_path / "light.pdf", tmp_path / "dark.pdf"
    _use(demo, Appearance.LIGHT)
    write_report(data, drawing, light)
    _use(demo, Appearance.DARK)
    window = _window(qtbot, demo)  # the app is dark, its leg diagram too
    window.navigation.setCurrentRow(1)
    write_report(data, drawing, dark)
    light_pages, dark_pages = PdfReader(str(light)).pages, PdfReader(str(dark)).pages
    assert len(light_pages) == len(dark_pages)
    for a, b in zip(light_pages, dark_pages, strict=True):
        assert a.get_contents().get_data() == b.get_contents().get_data()
    white = QColor("white")
    fills = _fill_colours_of_text(PdfReader(str(dark)))
    assert fills
    for r, g, b in fills:  # every text on the (white) paper is dark ink
        ink = QColor.fromRgbF(r, g, b)
        assert contrast(ink, white) >= 4.5, ink.name()


def test_the_contrast_check_sees_unreadable_text(qtbot):
    """The check is not blind: dark grey on a dark card fails, light grey on it passes."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    host = QWidget()
    host.setStyleSheet("background: #252e2c;")
    layout = QVBoxLayout(host)
    dim, clear = QLabel("Hard to read"), QLabel("Easy to read")
    dim.setStyleSheet("color: #4d5f5b;")
    clear.setStyleSheet("color: #e4ebe9;")
    layout.addWidget(dim)
    layout.addWidget(clear)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    findings = unreadable(host)
    assert [f.text for f in findings] == ["Hard to read"]
    assert findings[0].ratio < 2.5
