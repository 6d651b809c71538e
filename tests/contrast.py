"""Is every text on screen readable? The WCAG contrast of each visible text widget, measured
on the pixels as drawn: the window is grabbed once, each label or button's visible part is
cut out, its background is the commonest colour there and its text the pixel that differs
from it most (the core of a glyph has the full text colour). Below 4.5:1 (3:1 for large
text: 18 pt, or 14 pt bold) the text is reported as unreadable.

Used by tests/gui/test_dark_mode.py (offscreen) and tests/e2e/crawl_driver.py (a real X
server)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QWidget,
)

NORMAL = 4.5
LARGE = 3.0


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Finding:
    widget: str
    text: str
    ratio: float
    needed: float
    text_colour: str
    background: str

    def __str__(self) -> str:
        return (
            f"{self.widget} {self.text!r}: contrast {self.ratio:.2f} < {self.needed} "
            f"(text {self.text_colour} on {self.background})"
        )


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text() if widget.pixmap().isNull() else ""
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _is_large(widget: QWidget) -> bool:
    font = widget.font()
    size = font.pointSizeF()
    if size <= 0:  # a pixel size
        size = font.pixelSize() * 0.75
    return size >= 18 or (size >= 14 and font.bold())


def _crop_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` that is on screen, in the window's (device-independent) pixels;
    a button without its frame (its border is not its text)."""
    visible = widget.visibleRegion().boundingRect()
    if isinstance(widget, QAbstractButton):
        visible = visible.intersected(widget.rect().adjusted(4, 4, -4, -4))
    if isinstance(widget, QGroupBox):  # the title row only
        visible = visible.intersected(
            QRect(0, 0, widget.width(), widget.fontMetrics().height() + 4)
        )
    top_left = widget.mapTo(window, visible.topLeft())
    return QRect(top_left, visible.size())


def _measure(image: QImage, rect: QRect, ratio: float) -> tuple[float, QColor, QColor] | None:
    x0, y0 = round(rect.x() * ratio), round(rect.y() * ratio)
    x1 = min(image.width(), round((rect.x() + rect.width()) * ratio))
    y1 = min(image.height(), round((rect.y() + rect.height()) * ratio))
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    counts: Counter[int] = Counter()
    step = 1 if (x1 - x0) * (y1 - y0) < 60_000 else 2
    for y in range(max(0, y0), y1, step):
        for x in range(max(0, x0), x1, step):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    if not counts:
        return None
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    best, best_colour = 1.0, background
    for value in counts:
        colour = QColor.fromRgb(value)
        ratio_here = contrast(colour, background)
        if ratio_here > best:
            best, best_colour = ratio_here, colour
    return best, best_colour, background


def text_widgets(window: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of ``window`` that show text (disabled controls are
    exempt in WCAG 1.4.3)."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not widget.isEnabled():
            continue
        if _text_of(widget).strip() and not widget.visibleRegion().isEmpty():
            found.append(widget)
    return found


def unreadable(window: QWidget, image: QImage | None = None) -> list[Finding]:
    """Every visible text of ``window`` whose contrast is too low."""
    shot = image if image is not None else window.grab().toImage()
    ratio = shot.devicePixelRatio() or 1.0
    findings = []
    for widget in text_widgets(window):
        rect = _crop_rect(widget, window).intersected(QRect(QPoint(0, 0), window.size()))
        measured = _measure(shot, rect, ratio)
        if measured is None:
            continue
        value, text_colour, background = measured
        needed = LARGE if _is_large(widget) else NORMAL
        if value < needed - 0.05:  # antialiasing may shave a little off the glyph cores
            findings.append(
                Finding(
                    f"{type(widget).__name__}({widget.accessibleName() or widget.objectName()})",
                    " ".join(_text_of(widget).split())[:60],
                    value,
                    needed,
                    text_colour.name(),
                    background.name(),
                )
            )
    return findings
