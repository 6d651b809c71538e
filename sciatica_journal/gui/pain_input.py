"""A 0-10 pain score with its anchors, usable with mouse and keyboard.

The score starts *unset*: no handle is drawn and the number shows "–" until the user
chooses a value, so an untouched slider never passes for a real "0".
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QStylePainter,
    QWidget,
)

from sciatica_journal.domain.language import _
from sciatica_journal.gui import palette

UNSET_TEXT = "–"
NAVIGATION_KEYS = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}


class PainSlider(QSlider):
    """The 0-10 scale: a click sets the value under the pointer; no handle while unset."""

    def __init__(self, owner: PainInput) -> None:
        super().__init__(Qt.Orientation.Horizontal, owner)
        self._owner = owner
        self.setRange(0, 10)
        self.setPageStep(2)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("unset", True)
        self.setMinimumHeight(30)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the page, never sets a score: a score is chosen on purpose."""
        event.ignore()

    def _option(self) -> QStyleOptionSlider:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return option

    def _handle_rect(self) -> QRect:
        option = self._option()
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )

    def _groove_rect(self) -> QRect:
        option = self._option()
        return self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )

    def tick_x(self, value: int) -> int:
        """The x (in this widget) of the centre of the handle at ``value``: where its tick is."""
        groove, handle = self._groove_rect(), self._handle_rect()
        span = groove.width() - handle.width()
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, span)
        return groove.x() + handle.width() // 2 + offset

    def value_at(self, x: float) -> int:
        """The value whose tick is nearest to ``x``."""
        return min(range(self.minimum(), self.maximum() + 1), key=lambda v: abs(self.tick_x(v) - x))

    # ---- mouse: the value under the pointer, not a page step -------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.setSliderDown(True)
        self._owner.set_value(self.value_at(event.position().x()))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._owner.set_value(self.value_at(event.position().x()))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.setSliderDown(False)
        event.accept()

    # ---- keys: a digit sets the score; arrows etc. also set an unset score ------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit():
            self._owner.set_value(10 if text == "0" and self._owner.value() == 1 else int(text))
            event.accept()
            return
        was_set = self._owner.is_set()
        super().keyPressEvent(event)
        if not was_set and event.key() in NAVIGATION_KEYS:
            self._owner.set_value(self.value())  # e.g. Left at 0: still a choice

    # ---- painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        option.subControls = (
            QStyle.SubControl.SC_SliderGroove | QStyle.SubControl.SC_SliderTickmarks
        )
        if self._owner.is_set():  # unset: groove and ticks only, nothing may look chosen
            option.subControls |= QStyle.SubControl.SC_SliderHandle
        option.state &= ~QStyle.StateFlag.State_HasFocus  # our own, clearer, focus frame
        colours = palette.current()
        if colours.dark:  # Fusion shades the groove from the window colour: lift it off
            option.palette.setColor(QPalette.ColorRole.Window, QColor(colours.control_border))
        painter.drawComplexControl(QStyle.ComplexControl.CC_Slider, option)
        if self.hasFocus():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(palette.current().focus), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 4, 4)
        painter.end()


class TickLabels(QWidget):
    """0, 1, … 10 painted under the slider's ticks."""

    def __init__(self, slider: PainSlider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slider = slider
        self.setObjectName("tickLabels")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(260, self.fontMetrics().height() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = self.fontMetrics()
        for value in range(self._slider.minimum(), self._slider.maximum() + 1):
            x = self.mapFromGlobal(
                self._slider.mapToGlobal(QPoint(self._slider.tick_x(value), 0))
            ).x()
            text = str(value)
            width = metrics.horizontalAdvance(text)
            painter.drawText(
                QRect(x - width, 0, 2 * width, self.height()), Qt.AlignmentFlag.AlignCenter, text
            )
        painter.end()


class PainInput(QWidget):
    """A slider 0-10 (click, drag, arrows, Page Up/Down, Home/End, or type a digit), the
    number large. ``value()`` is None until the user has chosen a score."""

    valueChanged = Signal(int)

    def __init__(self, title: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set = False
        self.slider = PainSlider(self)
        self.slider.setAccessibleName(accessible_name)
        self.slider.setMinimumWidth(240)
        self.ticks = TickLabels(self.slider)
        self.value_label = QLabel(UNSET_TEXT)
        self.value_label.setObjectName("painValue")
        self.value_label.setMinimumWidth(48)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("fieldTitle")
        low, high = QLabel(_("no pain")), QLabel(_("worst imaginable"))
        low.setObjectName("anchor")
        high.setObjectName("anchor")
        high.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        grid.addWidget(heading, 0, 0, 1, 2)
        grid.addWidget(self.slider, 1, 0, 1, 2)
        grid.addWidget(self.value_label, 1, 2, 2, 1)
        grid.addWidget(self.ticks, 2, 0, 1, 2)
        grid.addWidget(low, 3, 0)
        grid.addWidget(high, 3, 1)
        self._describe()
        self.slider.valueChanged.connect(self._slider_moved)

    def _slider_moved(self, value: int) -> None:
        self._mark_set(value)

    def _mark_set(self, value: int) -> None:
        changed = not self._set or self.value_label.text() != str(value)
        self._set = True
        self.slider.setProperty("unset", False)
        self._describe()
        self.slider.update()
        if changed:
            self.valueChanged.emit(value)

    def _describe(self) -> None:
        if self._set:
            value = self.slider.value()
            self.value_label.setText(str(value))
            self.slider.setAccessibleDescription(_("{value} out of 10").format(value=value))
        else:
            self.value_label.setText(UNSET_TEXT)
            self.slider.setAccessibleDescription(_("not set"))

    def value(self) -> int | None:
        return self.slider.value() if self._set else None

    def is_set(self) -> bool:
        return self._set

    def set_value(self, value: int) -> None:
        value = max(0, min(10, value))
        if self.slider.value() != value:
            self.slider.setValue(value)  # → _slider_moved
        else:
            self._mark_set(value)

    def clear(self) -> None:
        """Back to "not set yet"."""
        self._set = False
        self.slider.setProperty("unset", True)
        self.slider.blockSignals(True)
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self._describe()
        self.slider.update()
