"""The app's calm look: one stylesheet built from the colour set in use (``gui.palette``),
larger type, soft cards. ``gui.theme`` applies it and applies it again when the set changes."""

from __future__ import annotations

from dataclasses import asdict
from string import Template

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from sciatica_journal.gui.palette import LIGHT, Colours
from sciatica_journal.paths import resource_path

FOCUS_COLOUR = LIGHT.focus
"""The light set's keyboard-focus outline: 2 px, contrast above 6:1 against the window and
white cards (the dark set's is ``DARK.focus``, as clear on dark cards)."""

_MAIN = Template("""
QMainWindow, QDialog { background: $window; }
#navigation { background: $navigation; border: none; padding: 8px; }
#navigation::item { padding-left: 14px; border-radius: 6px; color: $text; }
#navigation::item:selected { background: $accent; color: $on_accent; }
#card { background: $card; border: 1px solid $border; border-radius: 10px; }
#cardTitle { color: $muted; font-weight: 600; text-transform: uppercase; font-size: 9pt; }
#pageTitle { font-size: 20pt; font-weight: 600; color: $heading; }
#bigNumber { font-size: 28pt; font-weight: 700; color: $accent_text; }
#rungName { font-size: 16pt; font-weight: 600; color: $heading; }
#ladderRung { color: $muted; }
#ladderRung[current="true"] { font-weight: 700; color: $accent_text; }
#outcome { font-size: 24pt; font-weight: 700; color: $same; }
#outcome[tone="good"] { color: $good; }
#outcome[tone="bad"] { color: $bad; }
QTableWidget { border: none; gridline-color: $border; }
QPushButton { border: 1px solid $control_border; border-radius: 4px; padding: 4px 12px;
  background: $button; color: $text; }
QPushButton:hover { background: $button_hover; }
QPushButton:pressed, QPushButton:checked { background: $button_pressed; }
QPushButton:disabled { color: $disabled_text; border-color: $border;
  background: $disabled_background; }
QPushButton:default { border-color: $accent; }
#startButton { background: $accent; color: $on_accent; font-size: 14pt; font-weight: 600;
  padding: 10px 28px; border-radius: 8px; border: none; }
#startButton:disabled { background: $disabled_background; color: $disabled_text; }
#stopButton { background: $stop; color: $on_accent; font-weight: 700; font-size: 12pt;
  padding: 8px 18px; border-radius: 6px; border: none; }
#reportButton { margin: 8px; padding: 8px; background: $card; border: 1px solid $control_border;
  border-radius: 6px; color: $text; }
#bigButton { font-size: 14pt; padding: 10px 22px; }
#warningBox { background: $warning_background; border: 1px solid $warning_border;
  border-radius: 6px; padding: 8px; color: $text; }
#cautionBox { background: $caution_background; border-left: 4px solid $caution_border;
  padding: 8px; color: $text; }
#counter { font-size: 64pt; font-weight: 700; color: $accent_text; }
#cue { font-size: 18pt; color: $text; min-height: 40px; }
#painValue { font-size: 20pt; font-weight: 700; color: $accent_text; }
#fieldTitle { font-weight: 600; }
#anchor { color: $muted; font-size: 9pt; }
#error, #errorLabel { color: $error; font-weight: 600; }
#hint { color: $muted; }
""")

# Keyboard focus, visible on every kind of control: a 2 px outline in the focus colour. Only
# the focused state is restyled (unfocused controls keep the platform look); controls drawn
# without a border keep a transparent one so nothing moves when focus arrives. The pain
# sliders and the leg diagram draw the same outline themselves. Combo and spin boxes are
# drawn by the stylesheet throughout (a border set only on focus would make Qt drop their
# arrows), with arrows from resources/icons.
_FOCUS = Template("""
QPushButton:focus { border: 2px solid $focus; padding: 3px 11px; }
#startButton, #stopButton { border: 2px solid transparent; background-clip: padding; }
#startButton:focus { border: 2px solid $focus; background: $accent; color: $on_accent;
  padding: 10px 28px; border-radius: 8px; }
#stopButton:focus { border: 2px solid $focus; background: $stop; color: $on_accent;
  padding: 8px 18px; border-radius: 6px; }
#reportButton:focus { border: 2px solid $focus; background: $card; color: $text; padding: 8px; }
#bigButton:focus { padding: 9px 21px; }
QRadioButton, QCheckBox { border: 2px solid transparent; border-radius: 4px; padding: 1px 2px; }
QRadioButton:focus, QCheckBox:focus { border: 2px solid $focus; }
QLineEdit:focus, QTextEdit:focus,
  QPlainTextEdit:focus { border: 2px solid $focus; border-radius: 3px; padding: 1px 3px;
  background: $card; color: $text; }
QTableWidget, #navigation { border: 2px solid transparent; }
QAbstractItemView:focus, QTableWidget:focus, #navigation:focus { border: 2px solid $focus; }
""")

_BOXES = Template("""
QComboBox, QAbstractSpinBox { border: 1px solid $control_border; border-radius: 3px;
  background: $card; color: $text; padding: 2px 22px 2px 5px; min-height: 1.4em; }
QComboBox:focus, QAbstractSpinBox:focus { border: 2px solid $focus; padding: 1px 21px 1px 4px; }
QComboBox:disabled, QAbstractSpinBox:disabled { color: $disabled_text;
  background: $disabled_background; }
QComboBox::drop-down, QDateEdit::drop-down { subcontrol-origin: padding;
  subcontrol-position: center right; width: 20px; border: none; }
QComboBox::down-arrow, QDateEdit::down-arrow { image: url($down); width: 12px; height: 8px; }
QAbstractSpinBox::up-button { subcontrol-origin: padding; subcontrol-position: top right;
  width: 20px; border: none; }
QAbstractSpinBox::down-button { subcontrol-origin: padding; subcontrol-position: bottom right;
  width: 20px; border: none; }
QAbstractSpinBox::up-arrow { image: url($up); width: 10px; height: 7px; }
QAbstractSpinBox::down-arrow { image: url($down); width: 10px; height: 7px; }
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled { image: none; }
""")

# Dark only: Fusion draws check and radio indicators in shades of the window colour, which
# vanish on a dark window; these keep a clear outline and a filled, ticked checked state.
_DARK_INDICATORS = Template("""
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator { width: 14px;
  height: 14px; border: 2px solid $control_border; background: $card; }
QCheckBox::indicator, QGroupBox::indicator { border-radius: 3px; }
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QGroupBox::indicator:checked { background: $accent;
  border-color: $accent_text; image: url($check); }
QRadioButton::indicator:checked { border-color: $accent_text;
  background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
  stop: 0 $accent_text, stop: 0.5 $accent_text, stop: 0.56 $card, stop: 1 $card); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: $border; }
""")


def _values(colours: Colours) -> dict[str, object]:
    values: dict[str, object] = {k: v for k, v in asdict(colours).items() if isinstance(v, str)}
    suffix = "-light" if colours.dark else ""  # light arrows on dark boxes
    values["down"] = _arrow("arrow-down", suffix)
    values["up"] = _arrow("arrow-up", suffix)
    values["check"] = resource_path("icons", "check-on-accent.svg").as_posix()
    return values


def _arrow(name: str, suffix: str) -> str:
    path = resource_path("icons", f"{name}{suffix}.svg")
    if not path.exists():
        path = resource_path("icons", f"{name}.svg")
    return path.as_posix()


def stylesheet(colours: Colours) -> str:
    """The whole stylesheet for one colour set."""
    values = _values(colours)
    parts = (_MAIN, _FOCUS, _BOXES) + ((_DARK_INDICATORS,) if colours.dark else ())
    return "".join(part.substitute(values) for part in parts)


STYLESHEET = _MAIN.substitute(_values(LIGHT))
FOCUS_STYLESHEET = _FOCUS.substitute(_values(LIGHT))


def boxes_stylesheet(colours: Colours = LIGHT) -> str:
    return _BOXES.substitute(_values(colours))


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "sciatica-journal.svg")))


def apply_style(app: QApplication, colours: Colours = LIGHT) -> None:
    """The font, the icon and the stylesheet; ``gui.theme.Theme`` calls it with the set
    chosen from the preferences and the desktop's scheme."""
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    app.setStyleSheet(stylesheet(colours))
    app.setWindowIcon(app_icon())
