"""Table heads and cells whose text wraps, so long (German) words fit a 1024×600 window.

``two_line_width`` is the least width at which a text takes at most two lines, broken
between words (``two_line_column_width``: the same for a column of cells);
``wrapped_height`` the height a text takes at a width. ``wrap_column_heads``
makes a header's column titles wrap at their sections' widths, the header as high as its
tallest title, kept so when the columns are resized."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle

WRAP = Qt.TextFlag.TextWordWrap
CENTRED_WRAPPED = Qt.AlignmentFlag.AlignCenter | WRAP


def two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The least width (pixels) at which ``text`` takes at most two lines, broken at a
    space; a single word is as wide as it is."""
    advance = metrics.horizontalAdvance
    words = text.split(" ")
    splits = [
        max(advance(" ".join(words[:at])), advance(" ".join(words[at:])))
        for at in range(1, len(words))
    ]
    width = min([advance(text), *splits])
    # The advances are rounded: a pixel or two more where the wrapped text needs them.
    two_lines = 2 * metrics.lineSpacing()
    for more in range(4):
        if wrapped_height(metrics, text, width + more) <= two_lines:
            return width + more
    return width + 4


def wrapped_height(metrics: QFontMetrics, text: str, width: int) -> int:
    """The height of ``text`` wrapped between words at ``width`` pixels."""
    return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), int(WRAP), text).height()


def two_line_column_width(view: QAbstractItemView, texts: Iterable[str]) -> int:
    """The width a column of ``view`` (with word wrap) needs to show each of ``texts`` in
    two lines at most, with the margins its cells keep."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = view.fontMetrics()
    return max((two_line_width(metrics, text) for text in set(texts)), default=0) + 2 * margin + 1


def header_margin(header: QHeaderView) -> int:
    """The room a header keeps on each side of a title."""
    return header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)


class _HeadHeight(QObject):
    """Keeps a horizontal header as high as its tallest title wrapped at its section."""

    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        self._header = header
        header.sectionResized.connect(self.update)
        header.sectionCountChanged.connect(self.update)
        header.model().headerDataChanged.connect(self.update)

    def update(self) -> None:
        header = self._header
        model, margin = header.model(), header_margin(header)
        metrics = header.fontMetrics()
        arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        tallest = metrics.height()
        for section in range(header.count()):
            text = model.headerData(section, Qt.Orientation.Horizontal)
            if not isinstance(text, str) or header.isSectionHidden(section):
                continue
            room = header.sectionSize(section) - 2 * margin
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                room -= arrow + margin
            tallest = max(tallest, wrapped_height(metrics, text, room))
        height = tallest + 2 * margin
        if height != header.minimumHeight():
            header.setMinimumHeight(height)
            header.geometriesChanged.emit()  # the view places its viewport below it again


def wrap_column_heads(header: QHeaderView) -> None:
    """Column titles that wrap between words at their columns' widths, centred."""
    header.setDefaultAlignment(CENTRED_WRAPPED)
    header.setTextElideMode(Qt.TextElideMode.ElideNone)
    _HeadHeight(header).update()
