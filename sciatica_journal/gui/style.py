"""The app's calm look: one stylesheet, larger type, soft cards."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from sciatica_journal.paths import resource_path

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
#startButton { background: #2f7d6d; color: white; font-size: 14pt; font-weight: 600;
  padding: 10px 28px; border-radius: 8px; border: none; }
#startButton:disabled { background: #b8c4c1; }
#startButton:focus { outline: 2px solid #1f2a28; }
#stopButton { background: #b3261e; color: white; font-weight: 700; font-size: 12pt;
  padding: 8px 18px; border-radius: 6px; border: none; }
#stopButton:focus { border: 2px solid #1f2a28; }
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


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "sciatica-journal.svg")))


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    app.setWindowIcon(app_icon())
