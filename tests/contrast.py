"""Is every text on screen readable? The WCAG contrast of each visible text widget, measured
on the pixels as drawn: the window is grabbed once, each label or button's visible part is
cut out, its background is the commonest colour there and its text the pixel that differs
from it most (the core of a glyph has the full text colour). Below 4.5:1 (3:1 for large
text: 18 pt, or 14 pt bold) the text is reported as unreadable.

Used by tests/gui/test_dark_mode.py (offscreen) and tests/e2e/crawl_driver.py (a real X
server)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QToolButton,
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
    if isinstance(widget, QToolButton) and (
        widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        and not widget.icon().isNull()
    ):
        return ""  # its text is only its name: the icon is what is drawn
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


def _pixels(image: QImage) -> np.ndarray:
    """The image as a (height, width) array of 0xRRGGBB."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.sizeInBytes() // 4)
    return rows.reshape(rgb.height(), rgb.bytesPerLine() // 4)[:, : rgb.width()] & 0xFFFFFF


def _luminances(values: np.ndarray) -> np.ndarray:
    channels = np.stack(((values >> 16) & 0xFF, (values >> 8) & 0xFF, values & 0xFF)) / 255
    linear = np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _measure(pixels: np.ndarray, rect: QRect, ratio: float) -> tuple[float, QColor, QColor] | None:
    x0, y0 = max(0, round(rect.x() * ratio)), max(0, round(rect.y() * ratio))
    x1 = min(pixels.shape[1], round((rect.x() + rect.width()) * ratio))
    y1 = min(pixels.shape[0], round((rect.y() + rect.height()) * ratio))
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    values, counts = np.unique(pixels[y0:y1, x0:x1], return_counts=True)
    background = int(values[np.argmax(counts)])
    lums = _luminances(values)
    ground = _luminances(np.array([background]))[0]
    ratios = (np.maximum(lums, ground) + 0.05) / (np.minimum(lums, ground) + 0.05)
    best = int(np.argmax(ratios))
    return float(ratios[best]), QColor.fromRgb(int(values[best])), QColor.fromRgb(background)


def text_widgets(window: QWidget) -> list[QWidget]:
    """The visible, enabled widgets of ``window`` that show text (disabled controls are
    exempt in WCAG 1.4.3)."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not widget.isEnabled():
            continue
        if _text_of(widget).strip() and _shows_a_line(widget):
            found.append(widget)
    return found


def _shows_a_line(widget: QWidget) -> bool:
    """At least one line of its text is on screen (not only a border or padding above it,
    as for a widget scrolled half into view)."""
    shown = widget.visibleRegion().boundingRect().intersected(widget.contentsRect())
    return shown.height() >= widget.fontMetrics().height() and shown.width() >= 4


def unreadable(window: QWidget, image: QImage | None = None) -> list[Finding]:
    """Every visible text of ``window`` whose contrast is too low."""
    shot = image if image is not None else window.grab().toImage()
    ratio = shot.devicePixelRatio() or 1.0
    pixels = _pixels(shot)
    findings = []
    for widget in text_widgets(window):
        rect = _crop_rect(widget, window).intersected(QRect(QPoint(0, 0), window.size()))
        measured = _measure(pixels, rect, ratio)
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
