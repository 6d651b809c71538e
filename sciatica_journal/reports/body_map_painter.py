"""Painting the leg diagram and its marks onto any QPainter, as vectors.

The same code paints the widget on screen and the maps in the PDF report.
Kinds are told apart by colour *and* pattern so they survive greyscale
printing and colour blindness: pain is a solid fill, numbness diagonal
lines, tingling dots; the stronger the symptom, the denser the fill.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape as _html_escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer

from sciatica_journal.domain.body import INTENSITY_NAMES, RegionCatalog, SymptomKind, SymptomMap
from sciatica_journal.domain.language import N_, _, p_
from sciatica_journal.paths import resource_path
from sciatica_journal.reports.svg_regions import region_paths

# The legend's line for each kind: its name and how it is drawn.
KIND_LEGEND = {
    SymptomKind.PAIN: N_("Pain (solid fill)"),
    SymptomKind.NUMBNESS: N_("Numbness (diagonal lines)"),
    SymptomKind.TINGLING: N_("Tingling (dots)"),
}


def picture_words() -> dict[str, str]:
    """The words written on the drawing itself (its views and the patient's sides), in
    the app's language."""
    return {
        "Back": p_("the leg diagram's view", "Back"),
        "Front": p_("the leg diagram's view", "Front"),
        "Left": p_("the patient's side, on the leg diagram", "Left"),
        "Right": p_("the patient's side, on the leg diagram", "Right"),
    }


def drawing_in_language(svg_file: Path) -> QByteArray:
    """The drawing with its written words in the app's language (English left as is)."""
    text = svg_file.read_text(encoding="utf-8")
    words = picture_words()

    def in_language(found: re.Match[str]) -> str:
        head, size, tail, english = found.groups()
        shown = words.get(english, english)
        if english in ("Left", "Right") and len(shown) > len(english):  # the sides apart
            size = f"{float(size) * len(english) / len(shown):.1f}"
        return f'{head}font-size="{size}"{tail}>{_html_escape(shown, quote=False)}</text>'

    text = re.sub(r'(<text [^>]*)font-size="([\d.]+)"([^>]*)>(\w+)</text>', in_language, text)
    return QByteArray(text.encode("utf-8"))


PAIN_ALPHA = {1: 0.30, 2: 0.55, 3: 0.85}
LINE_SPACING = {1: 14.0, 2: 9.0, 3: 5.5}  # viewBox units between numbness lines
DOT_SPACING = {1: 14.0, 2: 10.0, 3: 7.0}  # viewBox units between tingling dots


@dataclass(frozen=True)
class MapInk:
    """The colours the diagram, its marks and its legend are painted in. The drawing and
    the marks are made for a light ground (the screen puts them on a light panel in dark
    mode); ``text`` and ``swatch_border`` are drawn on whatever is behind the legend."""

    pain: str = "#c0392b"
    numbness: str = "#1f4e99"
    tingling: str = "#8a5a00"
    halo: tuple[int, int, int, int] = (255, 255, 255, 200)
    hover: str = "#2f7d6d"
    hover_fill: tuple[int, int, int, int] = (47, 125, 109, 40)
    focus_dash: str = "#111111"
    ground: str = "#f4efe8"  # the skin of a legend swatch
    swatch_border: str = "#7d868c"
    text: str = "#222222"

    def kind(self, kind: SymptomKind) -> QColor:
        return QColor(getattr(self, kind.value))


LIGHT_INK = MapInk()
"""The report's colours (paper is white) and the light window's."""


@dataclass(frozen=True)
class Highlight:
    hover: str | None = None
    focus: str | None = None


class BodyMapDrawing:
    """The drawing (rendered by Qt) plus the region outlines (for hit-testing and marks)."""

    def __init__(self, catalog: RegionCatalog, svg_file: Path | None = None) -> None:
        self.svg_file = svg_file or resource_path("body_map.svg")
        self.catalog = catalog
        self.renderer = QSvgRenderer(drawing_in_language(self.svg_file))
        if not self.renderer.isValid():
            raise ValueError(f"{self.svg_file} is not a valid SVG drawing")
        self.shapes: dict[str, QPainterPath] = region_paths(
            self.svg_file, (r.code for r in catalog.regions)
        )
        self.view_box = self.renderer.viewBoxF()

    @property
    def aspect(self) -> float:
        return self.view_box.width() / self.view_box.height()

    def transform(self, target: QRectF) -> QTransform:
        """viewBox → target, keeping the aspect and centring."""
        scale = min(
            target.width() / self.view_box.width(), target.height() / self.view_box.height()
        )
        dx = target.x() + (target.width() - self.view_box.width() * scale) / 2
        dy = target.y() + (target.height() - self.view_box.height() * scale) / 2
        t = QTransform()
        t.translate(dx, dy)
        t.scale(scale, scale)
        t.translate(-self.view_box.x(), -self.view_box.y())
        return t

    def drawing_rect(self, target: QRectF) -> QRectF:
        return self.transform(target).mapRect(self.view_box)

    def region_at(self, point: QPointF, target: QRectF) -> str | None:
        inverse, ok = self.transform(target).inverted()
        if not ok:
            return None
        p = inverse.map(point)
        for code, shape in self.shapes.items():
            if shape.contains(p):
                return code
        return None

    def region_rect(self, code: str, target: QRectF) -> QRectF:
        return self.transform(target).mapRect(self.shapes[code].boundingRect())

    def region_centre(self, code: str, target: QRectF) -> QPointF:
        """A point inside the region (its centroid when that is inside, else a probe)."""
        shape = self.shapes[code]
        box = shape.boundingRect()
        candidates = [box.center()]
        for fx in (0.5, 0.35, 0.65, 0.2, 0.8):
            for fy in (0.5, 0.35, 0.65, 0.2, 0.8):
                candidates.append(QPointF(box.x() + box.width() * fx, box.y() + box.height() * fy))
        inside = next((c for c in candidates if shape.contains(c)), box.center())
        return self.transform(target).map(inside)

    # ---- painting -------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        target: QRectF,
        symptoms: SymptomMap,
        highlight: Highlight | None = None,
        *,
        draw_base: bool = True,
        ink: MapInk = LIGHT_INK,
    ) -> None:
        """The drawing, then the marks, then hover/focus outlines. ``draw_base=False`` when the
        caller has already drawn the (unchanging) drawing, e.g. from a cached pixmap."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if draw_base:
            self.renderer.render(painter, self.drawing_rect(target))
        painter.setTransform(self.transform(target), combine=True)
        for mark in sorted(symptoms.marks, key=lambda m: list(SymptomKind).index(m.kind)):
            shape = self.shapes.get(mark.region)
            if shape is not None:
                _paint_mark(painter, shape, mark.kind, mark.intensity, ink)
        if highlight is not None:
            self._paint_highlight(painter, highlight, ink)
        painter.restore()

    def _paint_highlight(self, painter: QPainter, highlight: Highlight, ink: MapInk) -> None:
        if highlight.hover in self.shapes:
            painter.setBrush(QColor(*ink.hover_fill))
            painter.setPen(QPen(QColor(ink.hover), 3.0))
            painter.drawPath(self.shapes[highlight.hover])
        if highlight.focus in self.shapes:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = QPen(QColor(ink.focus_dash), 2.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPath(self.shapes[highlight.focus])


def _paint_mark(
    painter: QPainter, shape: QPainterPath, kind: SymptomKind, intensity: int, ink: MapInk
) -> None:
    colour = ink.kind(kind)
    halo = QColor(*ink.halo)
    level = max(1, min(3, intensity))
    painter.save()
    painter.setClipPath(shape, Qt.ClipOperation.IntersectClip)
    box = shape.boundingRect()
    if kind is SymptomKind.PAIN:
        colour.setAlphaF(PAIN_ALPHA[level])
        painter.fillPath(shape, colour)
    elif kind is SymptomKind.NUMBNESS:
        width = 1.6 + 0.5 * level
        spacing = LINE_SPACING[level]
        steps = math.ceil((box.width() + box.height()) / spacing) + 1
        lines = [
            (
                QPointF(box.x() - box.height() + i * spacing, box.bottom()),
                QPointF(box.x() + i * spacing, box.top()),
            )
            for i in range(steps)
        ]
        # A pale halo under each line keeps it visible on a pain fill, in greyscale too.
        for pen in (QPen(halo, width + 2.2), QPen(colour, width)):
            painter.setPen(pen)
            for a, b in lines:
                painter.drawLine(a, b)
    else:
        painter.setPen(QPen(halo, 1.2))
        painter.setBrush(colour)
        spacing = DOT_SPACING[level]
        radius = 1.6 + 0.5 * level
        row = 0
        y = box.top() + spacing / 2
        while y < box.bottom():
            offset = spacing / 2 if row % 2 else 0.0
            x = box.left() + spacing / 2 + offset
            while x < box.right():
                painter.drawEllipse(QPointF(x, y), radius, radius)
                x += spacing
            y += spacing
            row += 1
    painter.restore()


def paint_swatch(
    painter: QPainter,
    rect: QRectF,
    kind: SymptomKind,
    intensity: int = 2,
    ink: MapInk = LIGHT_INK,
) -> None:
    """A small square showing one kind at one intensity (legends and pickers)."""
    path = QPainterPath()
    path.addRoundedRect(rect, 3, 3)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, QColor(ink.ground))
    scale = rect.height() / 24.0
    t = QTransform()
    t.translate(rect.x(), rect.y())
    t.scale(scale, scale)
    painter.setTransform(t, combine=True)
    unit = QPainterPath()
    unit.addRect(QRectF(0, 0, rect.width() / scale, 24.0))
    _paint_mark(painter, unit, kind, intensity, ink)
    painter.restore()
    painter.save()
    painter.setPen(QPen(QColor(ink.swatch_border), 1))
    painter.drawPath(path)
    painter.restore()


def paint_legend(
    painter: QPainter, rect: QRectF, font: QFont | None = None, ink: MapInk = LIGHT_INK
) -> None:
    """The key to the marks: kind, its colour and pattern, and the intensity scale."""
    painter.save()
    if font is not None:
        painter.setFont(font)
    metrics = painter.fontMetrics()
    line = metrics.height() * 1.6
    box = metrics.height() * 1.2
    y = rect.top()
    painter.setPen(QColor(ink.text))
    for kind in SymptomKind:
        swatch = QRectF(rect.left(), y, box, box)
        paint_swatch(painter, swatch, kind, ink=ink)
        painter.setPen(QColor(ink.text))
        painter.drawText(
            QRectF(rect.left() + box * 1.4, y, rect.width() - box * 1.4, box),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            _(KIND_LEGEND[kind]),
        )
        y += line
    x = rect.left()
    for level, english in INTENSITY_NAMES.items():
        name = _(english)
        swatch = QRectF(x, y, box, box)
        paint_swatch(painter, swatch, SymptomKind.PAIN, level, ink)
        painter.setPen(QColor(ink.text))
        width = metrics.horizontalAdvance(name) + box * 0.6
        painter.drawText(
            QRectF(x + box * 1.25, y, width, box), int(Qt.AlignmentFlag.AlignVCenter), name
        )
        x += box * 1.25 + width + box * 0.5
    painter.restore()


def paint_map_with_legend(
    painter: QPainter,
    rect: QRectF,
    drawing: BodyMapDrawing,
    symptoms: SymptomMap,
    caption: str = "",
) -> None:
    """A stored map for the report: caption on top, the drawing, the legend under it.

    Everything is painted as vectors, so it stays sharp in a PDF."""
    painter.save()
    metrics = painter.fontMetrics()
    top = rect.top()
    if caption:
        painter.setPen(QColor(LIGHT_INK.text))
        painter.drawText(
            QRectF(rect.left(), top, rect.width(), metrics.height() * 1.4),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            caption,
        )
        top += metrics.height() * 1.6
    legend_h = metrics.height() * 1.6 * 4
    map_rect = QRectF(rect.left(), top, rect.width(), rect.bottom() - top - legend_h)
    drawing.paint(painter, map_rect, symptoms)
    paint_legend(painter, QRectF(rect.left(), rect.bottom() - legend_h, rect.width(), legend_h))
    painter.restore()
