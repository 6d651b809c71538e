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
"""


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "sciatica-journal.svg")))


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 11.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    app.setWindowIcon(app_icon())
