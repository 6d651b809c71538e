"""The app's two colour sets, light and dark, and which one is in use.

Every colour the window shows comes from here: the stylesheet (``gui.style``), the
QPalette (``gui.theme``) and each widget that paints itself (the leg diagram, the day
dots, the calendar, the charts, the exercise pictures). Text colours are chosen for a
WCAG contrast of at least 4.5:1 on the background they are drawn on (tests/gui/
test_dark_mode.py measures it on every page). The PDF report always uses the light set
of the leg diagram (``reports.body_map_painter.LIGHT_INK``): paper is white."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sciatica_journal.domain.preferences import Appearance
from sciatica_journal.reports.body_map_painter import LIGHT_INK, MapInk


@dataclass(frozen=True)
class Colours:
    dark: bool
    text: str  # body text on the window and on cards
    muted: str  # hints, card titles, anchors
    heading: str  # page titles, rung names
    window: str  # the window's and dialogs' background
    navigation: str  # the page list on the left
    card: str  # the rounded cards, inputs, tables
    border: str  # card and table borders, grid lines
    control_border: str  # buttons, combo and spin boxes
    button: str
    button_hover: str
    button_pressed: str
    disabled_text: str
    disabled_background: str
    accent: str  # filled buttons (white text on it), the selected page
    accent_text: str  # big numbers, the counter: accent-coloured text on the window
    on_accent: str  # text on the accent
    stop: str  # the "Stop — this hurts" button, the urgent banner (text on it: on_accent)
    doctor: str  # the "see a doctor" banner (text on it: on_accent)
    focus: str  # the keyboard-focus outline
    error: str
    warning_background: str
    warning_border: str
    caution_background: str
    caution_border: str
    selection: str  # selected rows and text (text on it: on_accent)
    link: str
    good: str  # outcomes: better, centralized, abolished
    same: str  # no change
    bad: str  # worse, peripheralized
    # The charts (pyqtgraph)
    chart_background: str
    chart_text: str
    chart_back: str
    chart_leg: str
    chart_left: str
    chart_right: str
    chart_cursor: str
    chart_bars: str
    chart_bar_edge: str
    chart_band: tuple[int, int, int, int]
    chart_points: str
    chart_best: str
    # The month calendar
    day_met: str
    day_partial: str
    other_month: str
    # The day dots
    dot_done: str
    dot_optional: str
    # Drawings made for a light ground (leg diagram, exercise pictures) sit on this panel
    panel: str
    panel_border: str
    map_ink: MapInk

    def qcolor(self, name: str) -> QColor:
        value = getattr(self, name)
        return QColor(*value) if isinstance(value, tuple) else QColor(value)


LIGHT = Colours(
    dark=False,
    text="#1f2a28",
    muted="#4d5f5b",
    heading="#1f2a28",
    window="#f5f7f6",
    navigation="#e6eeeb",
    card="#ffffff",
    border="#d5dedb",
    control_border="#8a9a96",
    button="#fbfcfc",
    button_hover="#eef4f2",
    button_pressed="#d7e6e1",
    disabled_text="#8f9b98",
    disabled_background="#f1f3f2",
    accent="#2f7d6d",
    accent_text="#1f5e52",
    on_accent="#ffffff",
    stop="#b3261e",
    doctor="#8a5a00",
    focus="#1a5fb4",
    error="#a3261b",
    warning_background="#fff4d6",
    warning_border="#e0b84a",
    caution_background="#fdf1e6",
    caution_border="#c77700",
    selection="#2f7d6d",
    link="#1a5fb4",
    good="#1f6e43",
    same="#3d4f4b",
    bad="#a3261b",
    chart_background="#ffffff",
    chart_text="#1f2a28",
    chart_back="#2b4c7e",
    chart_leg="#b35c00",
    chart_left="#1f5e52",
    chart_right="#7a3b69",
    chart_cursor="#888888",
    chart_bars="#6b8f88",
    chart_bar_edge="#3d5c56",
    chart_band=(47, 125, 109, 40),
    chart_points="#555555",
    chart_best="#222222",
    day_met="#cfe8df",
    day_partial="#f7ecd0",
    other_month="#6f7b79",
    dot_done="#2f7d6d",
    dot_optional="#9aa5a3",
    panel="",  # light: the drawings sit on the window itself
    panel_border="",
    map_ink=LIGHT_INK,
)

DARK = Colours(
    dark=True,
    text="#e4ebe9",
    muted="#aebdb9",
    heading="#f2f6f5",
    window="#1a201f",
    navigation="#222a28",
    card="#252e2c",
    border="#3d4b48",
    control_border="#758783",
    button="#2c3634",
    button_hover="#35413e",
    button_pressed="#3f4f4b",
    disabled_text="#7b8986",
    disabled_background="#242b2a",
    accent="#2f7d6d",
    accent_text="#7fd4bf",
    on_accent="#ffffff",
    stop="#b3261e",
    doctor="#8a5a00",
    focus="#7fb2ff",
    error="#ff9b8f",
    warning_background="#3b321a",
    warning_border="#b08a2e",
    caution_background="#3a2c1d",
    caution_border="#d98a1c",
    selection="#2f7d6d",
    link="#8fc0ff",
    good="#7ed6a0",
    same="#c4d0cd",
    bad="#ff9b8f",
    chart_background="#252e2c",
    chart_text="#e4ebe9",
    chart_back="#8fb4ff",
    chart_leg="#ffad5c",
    chart_left="#6fd4bd",
    chart_right="#e7a0d4",
    chart_cursor="#9aa5a3",
    chart_bars="#4f7c73",
    chart_bar_edge="#9cc9bf",
    chart_band=(111, 212, 189, 45),
    chart_points="#c4d0cd",
    chart_best="#f2f6f5",
    day_met="#1f5547",
    day_partial="#4d4123",
    other_month="#86938f",
    dot_done="#5cc2aa",
    dot_optional="#86938f",
    panel="#f4f6f5",  # dark: a light panel keeps the drawings as they were drawn
    panel_border="#3d4b48",
    map_ink=MapInk(text="#e4ebe9", swatch_border="#a9b3b8"),
)

_current: list[Colours] = [LIGHT]


def colours_for(appearance: Appearance, system_scheme: Qt.ColorScheme) -> Colours:
    """The set to show: the user's choice, or (System) the desktop's scheme; a desktop that
    does not say (``Unknown``) gets the light set."""
    if appearance is Appearance.DARK:
        return DARK
    if appearance is Appearance.LIGHT:
        return LIGHT
    return DARK if system_scheme == Qt.ColorScheme.Dark else LIGHT


def current() -> Colours:
    """The set in use now (``gui.theme`` switches it); painting code reads it each paint."""
    return _current[0]


def set_current(colours: Colours) -> None:
    _current[0] = colours
