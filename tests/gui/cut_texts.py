"""Which texts of a table are cut where they are shown: its column and row heads (each line
of a head that wraps) and the cells of the rows in view, measured with the view's own font,
margins and word wrap, as the item delegate and the header draw them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle

TIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Cut:
    where: str  # "column 2", "row 3", "cell 0,2"
    text: str
    told: bool  # its tooltip says it whole

    def __str__(self) -> str:
        return f"{self.where} {self.text!r}" + (" (tooltip)" if self.told else "")


def _fits(metrics: QFontMetrics, text: str, width: int, height: int, wrap: bool) -> bool:
    lines = text.split("\n")
    if not wrap:
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        return widest <= width and len(lines) * metrics.lineSpacing() <= height + 2
    # As the delegate wraps it: between words; a word wider than the room is cut.
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
    widest_word = max(metrics.horizontalAdvance(word) for word in text.split())
    return widest_word <= width and needed.height() <= height + 2


def _told(tip: object, text: str) -> bool:
    return isinstance(tip, str) and " ".join(text.split()) in " ".join(tip.split())


def _heads(header: QHeaderView, kind: str) -> list[Cut]:
    if not header.isVisible():
        return []
    model = header.model()
    orientation = header.orientation()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    found = []
    for section in range(header.count()):
        text = model.headerData(section, orientation)
        if not isinstance(text, str) or not text or header.isSectionHidden(section):
            continue
        size = header.sectionSize(section)
        if orientation == Qt.Orientation.Horizontal:
            width, height = size - 2 * margin, header.height() - 2
        else:
            width, height = header.width() - 2 * margin, size - 2
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            width -= arrow + margin
        align = model.headerData(section, orientation, Qt.ItemDataRole.TextAlignmentRole)
        align = header.defaultAlignment() if align is None else align
        wrap = bool(int(align) & int(Qt.TextFlag.TextWordWrap))
        if not _fits(header.fontMetrics(), text, width, height, wrap):
            tip = model.headerData(section, orientation, TIP)
            found.append(Cut(f"{kind} {section}", text, _told(tip, text)))
    return found


def _cells(view: QAbstractItemView) -> list[Cut]:
    model = view.model()
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    wrap = bool(getattr(view, "wordWrap", lambda: False)())
    shown = view.viewport().rect()
    found = []
    for row in range(model.rowCount(QModelIndex())):
        if not view.visualRect(model.index(row, 0)).intersects(shown):
            if view.visualRect(model.index(row, 0)).top() > shown.bottom():
                break
            continue
        for column in range(model.columnCount(QModelIndex())):
            index = model.index(row, column)
            text = index.data()
            rect = view.visualRect(index)
            if not isinstance(text, str) or not text.strip() or rect.isEmpty():
                continue
            font = index.data(Qt.ItemDataRole.FontRole) or view.font()
            metrics = QFontMetrics(font)
            if not _fits(metrics, text, rect.width() - 2 * margin, rect.height(), wrap):
                found.append(Cut(f"cell {row},{column}", text, _told(index.data(TIP), text)))
    return found


def cut_texts(view: QAbstractItemView) -> list[Cut]:
    """The heads and the cells in view of ``view`` whose text does not fit."""
    found = []
    for header, kind in (
        (getattr(view, "horizontalHeader", lambda: None)(), "column"),
        (getattr(view, "verticalHeader", lambda: None)(), "row"),
    ):
        if isinstance(header, QHeaderView):
            found += _heads(header, kind)
    return found + _cells(view)
