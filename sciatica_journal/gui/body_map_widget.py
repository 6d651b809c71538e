"""The clickable leg diagram.

Click marks a region with the chosen kind and intensity, a second click cycles
the intensity, right-click or Delete clears it. Each region also has an
invisible stand-in child widget so that a screen reader hears each region's
name. The diagram is ONE tab stop with a roving focus: only the current
region's stand-in takes Tab focus; the arrow keys move to the nearest region in
that direction, Home/End to the first/last; Space or Enter marks the focused
region. Every change is an undoable command. No database here: the
widget emits ``changed`` and its owner decides what to save.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from sciatica_journal.domain.body import (
    KIND_WORDS,
    Mark,
    Region,
    SymptomKind,
    SymptomMap,
    intensity_name,
)
from sciatica_journal.domain.language import _
from sciatica_journal.gui import palette
from sciatica_journal.reports.body_map_painter import BodyMapDrawing, Highlight

State = dict[str, dict[SymptomKind, int]]

# Arrow key → unit direction (x right, y down).
DIRECTIONS: dict[Qt.Key, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


def _state_of(symptoms: SymptomMap) -> State:
    state: State = {}
    for mark in symptoms.marks:
        state.setdefault(mark.region, {})[mark.kind] = mark.intensity
    return state


def _copy(state: State) -> State:
    return {region: dict(kinds) for region, kinds in state.items()}


def describe_marks(kinds: dict[SymptomKind, int]) -> str:
    """What a region carries, for a screen reader: "pain (moderate), tingling (mild)"."""
    if not kinds:
        return _("nothing marked")
    return _(", ").join(
        _("{kind} ({intensity})").format(kind=_(KIND_WORDS[kind]), intensity=intensity_name(level))
        for kind, level in kinds.items()
    )


class _Edit(QUndoCommand):
    def __init__(self, widget: BodyMapWidget, before: State, after: State, text: str) -> None:
        super().__init__(text)
        self._widget, self._before, self._after = widget, before, after

    def redo(self) -> None:
        self._widget._apply(self._after)

    def undo(self) -> None:
        self._widget._apply(self._before)


class RegionStandIn(QWidget):
    """Focus and accessibility for one region; painting and mouse are the map's."""

    def __init__(self, code: str, name: str, owner: BodyMapWidget) -> None:
        super().__init__(owner)
        self.code = code
        self._owner = owner
        self.setObjectName(f"region-{code}")
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the map gives Tab focus to one only
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)  # Ctrl+Z, Alt+S … belong to others
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._owner.mark_region(self.code)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._owner.clear_region(self.code)
        elif key in DIRECTIONS:
            self._owner.move_focus(*DIRECTIONS[Qt.Key(key)])
        elif key == Qt.Key.Key_Home:
            self._owner.focus_region(self._owner.region_order[0])
        elif key == Qt.Key.Key_End:
            self._owner.focus_region(self._owner.region_order[-1])
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._owner.set_focus_region(self.code)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._owner.set_focus_region(None)
        super().focusOutEvent(event)


class BodyMapWidget(QWidget):
    changed = Signal()
    MARGIN = 6

    def __init__(self, drawing: BodyMapDrawing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing = drawing
        self.kind = SymptomKind.PAIN
        self.intensity = 2
        self.undo_stack = QUndoStack(self)
        self._state: State = {}
        self._hover: str | None = None
        self._focus: str | None = None
        self._base: QPixmap | None = None
        self._base_key: tuple[int, int, float] | None = None
        self.paint_hook: Callable[[], None] | None = None  # benchmarks observe repaints
        self.setMouseTracking(True)
        self.setAccessibleName(_("Leg diagram"))
        self.setAccessibleDescription(
            _(
                "Lower back, buttocks and both legs, back view and front view. "
                "Arrow keys move between regions; Space marks; Delete clears."
            )
        )
        self.setMinimumSize(260, 300)
        # The drawing keeps its proportions inside whatever room it gets (no height for
        # width): in a scrolling step it fills the visible height instead of growing tall.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.stand_ins: dict[str, RegionStandIn] = {}
        for region in self._tab_order():
            self.stand_ins[region.code] = RegionStandIn(region.code, region.name, self)
        self.region_order: list[str] = list(self.stand_ins)
        self._current = self.region_order[0] if self.region_order else None
        if self._current is not None:
            self.stand_ins[self._current].setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _tab_order(self) -> list[Region]:
        """Back view then front view; within a view top to bottom, patient's left first."""
        regions = [r for r in self.drawing.catalog.regions if r.code in self.drawing.shapes]
        side_rank = {"left": 0, "center": 1, "right": 2}
        view_rank = {"back": 0, "front": 1}
        return sorted(regions, key=lambda r: (view_rank[r.view], r.level, side_rank[r.side]))

    # ---- the map -----------------------------------------------------------------

    def symptom_map(self) -> SymptomMap:
        marks = [
            Mark(region, kind, level)
            for region, kinds in sorted(self._state.items())
            for kind, level in kinds.items()
        ]
        return SymptomMap(tuple(marks))

    def set_map(self, symptoms: SymptomMap) -> None:
        """Replace the map (e.g. prefilled from the last one); not an undoable edit."""
        self.undo_stack.clear()
        self._apply(_state_of(symptoms))

    def _apply(self, state: State) -> None:
        self._state = _copy(state)
        for code, stand_in in self.stand_ins.items():
            stand_in.setAccessibleDescription(describe_marks(self._state.get(code, {})))
        self.update()
        self.changed.emit()

    def _push(self, after: State, text: str) -> None:
        if after != self._state:
            self.undo_stack.push(_Edit(self, _copy(self._state), after, text))

    def mark_region(self, code: str) -> None:
        """Mark with the chosen kind, or cycle its intensity if already marked."""
        after = _copy(self._state)
        kinds = after.setdefault(code, {})
        if self.kind in kinds:
            kinds[self.kind] = kinds[self.kind] % 3 + 1
        else:
            kinds[self.kind] = self.intensity
        self._push(after, _("Mark {region}").format(region=self._name(code)))

    def clear_region(self, code: str) -> None:
        after = _copy(self._state)
        after.pop(code, None)
        self._push(after, _("Clear {region}").format(region=self._name(code)))

    def clear_all(self) -> None:
        self._push({}, _("Clear all"))

    def _name(self, code: str) -> str:
        """A region's name in the catalog's language (its code if the catalog lacks it)."""
        region = self.drawing.catalog.get(code)
        return region.name if region else code

    def marks_on(self, code: str) -> dict[SymptomKind, int]:
        return dict(self._state.get(code, {}))

    # ---- geometry ----------------------------------------------------------------

    def target_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(round(520 * self.drawing.aspect), 520)

    def region_point(self, code: str) -> QPointF:
        """A point inside a region, in widget coordinates (tests click here)."""
        return self.drawing.region_centre(code, self.target_rect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        target = self.target_rect()
        for code, stand_in in self.stand_ins.items():
            stand_in.setGeometry(self.drawing.region_rect(code, target).toAlignedRect())
        super().resizeEvent(event)

    # ---- events ------------------------------------------------------------------

    def _base_pixmap(self) -> QPixmap:
        """The drawing without marks, rendered once per size (a click only repaints marks)."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio)
        if self._base is None or self._base_key != key:
            pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.drawing.renderer.render(painter, self.drawing.drawing_rect(self.target_rect()))
            painter.end()
            self._base, self._base_key = pixmap, key
        return self._base

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = palette.current()
        if colours.panel:  # dark: the drawing keeps the light ground it is drawn for
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(colours.panel_border), 1))
            painter.setBrush(QColor(colours.panel))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.drawPixmap(0, 0, self._base_pixmap())
        self.drawing.paint(
            painter,
            self.target_rect(),
            self.symptom_map(),
            Highlight(self._hover, None),
            draw_base=False,
            ink=colours.map_ink,
        )
        if self._focus in self.drawing.shapes:
            self._paint_focus(painter, self._focus)
        painter.end()
        if self.paint_hook is not None:
            self.paint_hook()

    def _paint_focus(self, painter: QPainter, code: str) -> None:
        """The focused region: a light tint and a 2 px outline in the focus colour, over a
        white halo so it reads on any mark."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self.drawing.transform(self.target_rect()))
        shape = self.drawing.shapes[code]
        halo = QPen(QColor("white"), 5)
        halo.setCosmetic(True)
        painter.setPen(halo)
        # On the light drawing the light set's focus colour reads in both schemes.
        focus = palette.LIGHT.focus
        tint = QColor(focus)
        tint.setAlpha(50)
        painter.setBrush(tint)
        painter.drawPath(shape)
        outline = QPen(QColor(focus), 3)
        outline.setCosmetic(True)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shape)
        painter.restore()

    def set_focus_region(self, code: str | None) -> None:
        """The region with keyboard focus (None: the focus left the diagram)."""
        if code is not None:
            self._set_current(code)
        self._focus = code
        self.update()

    # ---- roving focus ---------------------------------------------------------------

    @property
    def current_region(self) -> str | None:
        """The region that takes the focus when the user tabs into the diagram."""
        return self._current

    def _set_current(self, code: str) -> None:
        if code == self._current or code not in self.stand_ins:
            return
        if self._current is not None:
            self.stand_ins[self._current].setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._current = code
        self.stand_ins[code].setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def focus_region(self, code: str) -> None:
        """Move the keyboard focus to ``code`` (it becomes the diagram's one tab stop)."""
        self._set_current(code)
        self.stand_ins[code].setFocus(Qt.FocusReason.OtherFocusReason)

    def neighbour(self, code: str, dx: int, dy: int) -> str | None:
        """The nearest region from ``code`` in the direction (dx, dy), by region centres:
        the distance along the direction plus twice the distance across it."""
        target = self.target_rect()
        origin = self.drawing.region_centre(code, target)
        best: tuple[float, str] | None = None
        for other in self.region_order:
            if other == code:
                continue
            centre = self.drawing.region_centre(other, target)
            ox, oy = centre.x() - origin.x(), centre.y() - origin.y()
            along = ox * dx + oy * dy
            across = abs(ox * dy - oy * dx)
            if along <= 0.5 or across > 3 * along:  # behind, or more beside than ahead
                continue
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else None

    def move_focus(self, dx: int, dy: int) -> None:
        if self._current is None:
            return
        target = self.neighbour(self._current, dx, dy)
        if target is not None:
            self.focus_region(target)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.drawing.region_at(event.position(), self.target_rect())
        if code != self._hover:
            self._hover = code
            self.update()
            if code is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), self._name(code), self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = self.drawing.region_at(event.position(), self.target_rect())
        if code is None:
            return super().mousePressEvent(event)
        self._set_current(code)  # the keyboard carries on from the region last used
        if event.button() == Qt.MouseButton.LeftButton:
            self.mark_region(code)
        elif event.button() == Qt.MouseButton.RightButton:
            self.clear_region(code)
        event.accept()
        return None
