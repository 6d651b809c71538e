"""The app's calm look: one stylesheet, larger type, soft cards."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from sciatica_journal.paths import resource_path

FOCUS_COLOUR = "#1a5fb4"
"""The keyboard-focus outline: 2 px, contrast above 6:1 against the window and white cards."""

STYLESHEET = """
QMainWindow, QDialog { background: #f5f7f6; }
#navigation { background: #e6eeeb; border: none; padding: 8px; }
#navigation::item { padding-left: 14px; border-radius: 6px; color: #23312e; }
#navigation::item:selected { background: #2f7d6d; color: white; }
#card { background: white; border: 1px solid #d5dedb; border-radius: 10px; }
#cardTitle { color: #4d5f5b; font-weight: 600; text-transform: uppercase; font-size: 9pt; }
#pageTitle { font-size: 20pt; font-weight: 600; color: #1f2a28; }
#bigNumber { font-size: 28pt; font-weight: 700; color: #1f5e52; }
#rungName { font-size: 16pt; font-weight: 600; color: #1f2a28; }
QTableWidget { border: none; gridline-color: #e3e9e7; }
QPushButton { border: 1px solid #8a9a96; border-radius: 4px; padding: 4px 12px;
  background: #fbfcfc; color: #1f2a28; }
QPushButton:hover { background: #eef4f2; }
QPushButton:pressed, QPushButton:checked { background: #d7e6e1; }
QPushButton:disabled { color: #8f9b98; border-color: #c6cfcc; background: #f1f3f2; }
QPushButton:default { border-color: #2f7d6d; }
#startButton { background: #2f7d6d; color: white; font-size: 14pt; font-weight: 600;
  padding: 10px 28px; border-radius: 8px; border: none; }
#startButton:disabled { background: #b8c4c1; }
#stopButton { background: #b3261e; color: white; font-weight: 700; font-size: 12pt;
  padding: 8px 18px; border-radius: 6px; border: none; }
#reportButton { margin: 8px; padding: 8px; background: white; border: 1px solid #b8c4c1;
  border-radius: 6px; color: #1f2a28; }
#bigButton { font-size: 14pt; padding: 10px 22px; }
#warningBox { background: #fff4d6; border: 1px solid #e0b84a; border-radius: 6px; padding: 8px; }
#cautionBox { background: #fdf1e6; border-left: 4px solid #c77700; padding: 8px; }
#counter { font-size: 64pt; font-weight: 700; color: #1f5e52; }
#cue { font-size: 18pt; color: #3d4f4b; min-height: 40px; }
#painValue { font-size: 20pt; font-weight: 700; color: #1f5e52; }
#fieldTitle { font-weight: 600; }
#anchor { color: #5f6f6b; font-size: 9pt; }
#error { color: #a3261b; font-weight: 600; }
#hint { color: #4d5f5b; }
"""

# Keyboard focus, visible on every kind of control: a 2 px outline in FOCUS_COLOUR. Only the
# focused state is restyled (unfocused controls keep the platform look); controls drawn without
# a border keep a transparent one so nothing moves when focus arrives. The pain sliders and
# the leg diagram draw the same outline themselves. Combo and spin boxes are drawn by the
# stylesheet throughout (a border set only on focus would make Qt drop their arrows), with
# arrows from resources/icons.
FOCUS_STYLESHEET = """
QPushButton:focus { border: 2px solid @F; padding: 3px 11px; }
#startButton, #stopButton { border: 2px solid transparent; background-clip: padding; }
#startButton:focus { border: 2px solid @F; background: #2f7d6d; color: white;
  padding: 10px 28px; border-radius: 8px; }
#stopButton:focus { border: 2px solid @F; background: #b3261e; color: white;
  padding: 8px 18px; border-radius: 6px; }
#reportButton:focus { border: 2px solid @F; background: white; color: #1f2a28; padding: 8px; }
#bigButton:focus { padding: 9px 21px; }
QRadioButton, QCheckBox { border: 2px solid transparent; border-radius: 4px; padding: 1px 2px; }
QRadioButton:focus, QCheckBox:focus { border: 2px solid @F; }
QLineEdit:focus, QTextEdit:focus,
  QPlainTextEdit:focus { border: 2px solid @F; border-radius: 3px; padding: 1px 3px;
  background: white; color: #1f2a28; }
QTableWidget, #navigation { border: 2px solid transparent; }
QAbstractItemView:focus, QTableWidget:focus, #navigation:focus { border: 2px solid @F; }
""".replace("@F", FOCUS_COLOUR)


BOXES_STYLESHEET = """
QComboBox, QAbstractSpinBox { border: 1px solid #8a9a96; border-radius: 3px; background: white;
  color: #1f2a28; padding: 2px 22px 2px 5px; min-height: 1.4em; }
QComboBox:focus, QAbstractSpinBox:focus { border: 2px solid @F; padding: 1px 21px 1px 4px; }
QComboBox:disabled, QAbstractSpinBox:disabled { color: #8a9a96; background: #eef1f0; }
QComboBox::drop-down, QDateEdit::drop-down { subcontrol-origin: padding;
  subcontrol-position: center right; width: 20px; border: none; }
QComboBox::down-arrow, QDateEdit::down-arrow { image: url(@DOWN); width: 12px; height: 8px; }
QAbstractSpinBox::up-button { subcontrol-origin: padding; subcontrol-position: top right;
  width: 20px; border: none; }
QAbstractSpinBox::down-button { subcontrol-origin: padding; subcontrol-position: bottom right;
  width: 20px; border: none; }
QAbstractSpinBox::up-arrow { image: url(@UP); width: 10px; height: 7px; }
QAbstractSpinBox::down-arrow { image: url(@DOWN); width: 10px; height: 7px; }
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled { image: none; }
"""


def boxes_stylesheet() -> str:
    down = resource_path("icons", "arrow-down.svg").as_posix()
    up = resource_path("icons", "arrow-up.svg").as_posix()
    return BOXES_STYLESHEET.replace("@F", FOCUS_COLOUR).replace("@DOWN", down).replace("@UP", up)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "sciatica-journal.svg")))


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET + FOCUS_STYLESHEET + boxes_stylesheet())
    app.setWindowIcon(app_icon())
