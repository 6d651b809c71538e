"""Inputs that do not lie: pain scores start unset, a click sets the value under the pointer,
every value is labelled, the check-in says which score is missing, and keyboard focus is
visible on every kind of control."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.sessions import PainScores
from sciatica_journal.gui.body_map_widget import BodyMapWidget
from sciatica_journal.gui.pain_input import PainInput
from sciatica_journal.gui.style import FOCUS_STYLESHEET, STYLESHEET, boxes_stylesheet
from sciatica_journal.gui.wizard_checkin import SymptomsStep
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from tests.gui.conftest import find

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def pain(qtbot):
    widget = PainInput("Back pain", "Back pain now")
    qtbot.addWidget(widget)
    widget.resize(320, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def at_tick(slider: QSlider, value: int) -> QPoint:
    return QPoint(slider.tick_x(value), slider.height() // 2)


def test_a_score_starts_unset_and_shows_a_dash(pain):
    slider = find(pain, "Back pain now", QSlider)
    assert pain.value() is None and not pain.is_set()
    assert pain.value_label.text() == "–"
    assert slider.accessibleDescription() == "not set"
    unset = slider.grab().toImage()
    pain.set_value(0)
    assert pain.value() == 0 and pain.is_set()
    assert pain.value_label.text() == "0"
    assert slider.accessibleDescription() == "0 out of 10"
    assert slider.grab().toImage() != unset  # the handle appears only once chosen
    pain.clear()
    assert pain.value() is None and pain.value_label.text() == "–"
    assert slider.grab().toImage() == unset


@pytest.mark.parametrize("width", [260, 400])
def test_a_click_sets_exactly_the_value_under_the_pointer(qtbot, pain, width):
    pain.resize(width, pain.height())
    qtbot.wait(10)
    slider = find(pain, "Back pain now", QSlider)
    for value in (7, 0, 10, 3, 4, 5, 1, 9, 2, 8, 6):
        qtbot.mouseClick(slider, LEFT, pos=at_tick(slider, value))
        assert pain.value() == value
        assert pain.value_label.text() == str(value)


def test_dragging_sets_the_value_where_the_pointer_is(qtbot, pain):
    slider = find(pain, "Back pain now", QSlider)
    qtbot.mousePress(slider, LEFT, pos=at_tick(slider, 2))
    assert pain.value() == 2
    qtbot.mouseMove(slider, at_tick(slider, 8))
    qtbot.mouseRelease(slider, LEFT, pos=at_tick(slider, 8))
    assert pain.value() == 8


def test_keys_set_an_unset_score(qtbot, pain):
    slider = find(pain, "Back pain now", QSlider)
    seen = []
    pain.valueChanged.connect(seen.append)
    qtbot.keyClick(slider, Qt.Key.Key_Left)  # already at the bottom: still a choice, 0
    assert pain.value() == 0 and seen == [0]
    pain.clear()
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert pain.value() == 10
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert pain.value() == 8
    qtbot.keyClick(slider, Qt.Key.Key_1)
    qtbot.keyClick(slider, Qt.Key.Key_0)
    assert pain.value() == 10
    qtbot.keyClick(slider, Qt.Key.Key_4)
    assert pain.value() == 4 and seen[-1] == 4
    pain.clear()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert pain.value() == 0


@pytest.mark.parametrize("width", [260, 400])
def test_every_value_is_labelled_under_its_tick(qtbot, pain, width):
    pain.resize(width, pain.height())
    qtbot.wait(10)
    slider = find(pain, "Back pain now", QSlider)
    xs = [slider.tick_x(v) for v in range(11)]
    widest = pain.ticks.fontMetrics().horizontalAdvance("10")
    assert all(b - a > widest for a, b in itertools.pairwise(xs))  # labels never overlap
    assert pain.ticks.width() == slider.width() and pain.ticks.x() == slider.x()
    assert not pain.ticks.grab().toImage().isNull()
    anchors = {label.text() for label in pain.findChildren(QLabel)}
    assert {"no pain", "worst imaginable"} <= anchors


@pytest.fixture
def step(qtbot, services):
    widget = SymptomsStep(BodyMapDrawing(services.catalog), "after")
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def test_prefill_fills_only_the_map(step):
    symptoms = SymptomMap((Mark("calf-left", SymptomKind.PAIN, 2),))
    step.prefill(PainScores(back=4, leg=6), symptoms)
    assert step.symptom_map() == symptoms
    assert step.pain() is None
    assert step.back_pain.value() is None and step.leg_pain.value() is None


def test_check_complete_names_what_is_missing_and_goes_there(qtbot, step):
    message = find(step, "Missing score", QLabel)
    assert not message.isVisible()
    assert step.missing_scores() == ["back pain", "leg pain"]
    assert not step.check_complete()
    assert message.isVisible()
    assert message.text() == "Please score your back pain and leg pain (0–10) before going on."
    assert step.focusWidget() is find(step, "Back pain after", QSlider)
    back = find(step, "Back pain after", QSlider)
    qtbot.mouseClick(back, LEFT, pos=at_tick(back, 3))
    assert message.text() == "Please score your leg pain (0–10) before going on."
    assert step.pain() is None
    assert not step.check_complete()
    assert step.missing_scores() == ["leg pain"]
    assert step.focusWidget() is find(step, "Leg pain after", QSlider)
    qtbot.keyClick(step.focusWidget(), Qt.Key.Key_7)
    assert not message.isVisible()  # gone once complete
    assert step.check_complete()
    assert step.pain() == PainScores(back=3, leg=7)


# ---- focus is visible --------------------------------------------------------------------


@pytest.fixture
def controls(qtbot, services):
    host = QWidget()
    host.setStyleSheet(STYLESHEET + FOCUS_STYLESHEET + boxes_stylesheet())
    layout = QVBoxLayout(host)
    parking = QLineEdit()
    parking.setAccessibleName("Parking")
    layout.addWidget(parking)
    widgets: list[QWidget] = [
        QPushButton("Save"),
        QPushButton("Start session"),
        QPushButton("Stop — this hurts"),
        QRadioButton("Pain"),
        QCheckBox("Reminders"),
        QComboBox(),
        QLineEdit("Alex"),
        QSpinBox(),
        QDateEdit(),
        QListWidget(),
        QTableWidget(2, 2),
        PainInput("Back pain", "Back pain"),
    ]
    widgets[1].setObjectName("startButton")
    widgets[2].setObjectName("stopButton")
    widgets[5].addItems(["Right leg", "Left leg"])
    widgets[9].addItems(["Today", "Journal"])
    widgets[9].setFixedHeight(60)
    widgets[10].setFixedHeight(80)
    widgets[11].set_value(4)
    board = BodyMapWidget(BodyMapDrawing(services.catalog))
    board.setFixedSize(300, 380)
    for widget in [*widgets, board]:
        layout.addWidget(widget)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    return host, parking, widgets, board


def _focus_and_grab(qtbot, target: QWidget, shown: QWidget) -> QImage:
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(target.hasFocus)
    qtbot.wait(20)
    return shown.grab().toImage()


def test_keyboard_focus_changes_how_every_kind_of_control_looks(qtbot, controls):
    _host, parking, widgets, board = controls
    for widget in widgets:
        target = widget.slider if isinstance(widget, PainInput) else widget
        plain = _focus_and_grab(qtbot, parking, target)
        focused = _focus_and_grab(qtbot, target, target)
        assert focused != plain, type(widget).__name__ + " " + widget.objectName()
    plain = _focus_and_grab(qtbot, parking, board)
    region = board.stand_ins["calf-left"]
    board.focus_region("calf-left")
    focused = _focus_and_grab(qtbot, region, board)
    assert focused != plain


def test_buttons_without_a_border_get_a_focus_outline_of_the_focus_colour(qtbot, controls):
    from sciatica_journal.gui.style import FOCUS_COLOUR

    widgets = controls[2]
    for button in widgets[:3]:
        image = _focus_and_grab(qtbot, button, button)
        ratio = image.devicePixelRatio()
        edge = image.pixelColor(round(button.width() / 2 * ratio), round(1 * ratio))
        assert edge.name() == FOCUS_COLOUR, button.text()
