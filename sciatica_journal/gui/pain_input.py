"""A 0-10 pain score with its anchors, usable with mouse and keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget


class PainInput(QWidget):
    """A slider 0-10 (arrows, Page Up/Down, Home/End, or type a digit) and the number, large."""

    valueChanged = Signal(int)

    def __init__(self, title: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(accessible_name)
        self.slider.setMinimumWidth(260)
        self.value_label = QLabel("0")
        self.value_label.setObjectName("painValue")
        self.value_label.setMinimumWidth(48)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("fieldTitle")
        low, high = QLabel("0 no pain"), QLabel("worst imaginable 10")
        low.setObjectName("anchor")
        high.setObjectName("anchor")
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(heading, 0, 0, 1, 2)
        grid.addWidget(self.slider, 1, 0, 1, 2)
        grid.addWidget(self.value_label, 1, 2)
        grid.addWidget(low, 2, 0)
        grid.addWidget(high, 2, 1)
        self.slider.valueChanged.connect(self._changed)

    def _changed(self, value: int) -> None:
        self.value_label.setText(str(value))
        self.slider.setAccessibleDescription(f"{value} out of 10")
        self.valueChanged.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A digit sets the score directly (1 then 0 gives 10)."""
        text = event.text()
        if text.isdigit():
            self.set_value(10 if text == "0" and self.value() == 1 else int(text))
        else:
            super().keyPressEvent(event)

    def value(self) -> int:
        return self.slider.value()

    def set_value(self, value: int) -> None:
        self.slider.setValue(max(0, min(10, value)))
        self._changed(self.slider.value())
