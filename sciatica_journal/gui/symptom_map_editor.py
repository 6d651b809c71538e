"""The leg diagram with its tools: kind and intensity pickers, legend, Clear all and Undo."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPainter, QPaintEvent, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.body import INTENSITY_NAMES, SymptomKind, SymptomMap
from sciatica_journal.domain.language import N_, _
from sciatica_journal.gui import palette
from sciatica_journal.gui.body_map_widget import BodyMapWidget
from sciatica_journal.reports.body_map_painter import (
    BodyMapDrawing,
    paint_legend,
    paint_swatch,
)


def swatch_icon(kind: SymptomKind, intensity: int = 2, size: int = 22) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_swatch(
        painter, QRectF(1, 1, size - 2, size - 2), kind, intensity, palette.current().map_ink
    )
    painter.end()
    return QIcon(pixmap)


KIND_NAMES = {
    SymptomKind.PAIN: N_("Pain"),
    SymptomKind.NUMBNESS: N_("Numbness"),
    SymptomKind.TINGLING: N_("Tingling"),
}
KIND_ACTIONS = {
    SymptomKind.PAIN: N_("Mark pain"),
    SymptomKind.NUMBNESS: N_("Mark numbness"),
    SymptomKind.TINGLING: N_("Mark tingling"),
}
STRENGTH_NAMES = {1: N_("Mild"), 2: N_("Moderate"), 3: N_("Severe")}
STRENGTH_ACTIONS = {1: N_("Strength mild"), 2: N_("Strength moderate"), 3: N_("Strength severe")}


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Legend"))
        self.setAccessibleDescription(
            _(
                "Pain: solid fill. Numbness: diagonal lines. Tingling: dots. "
                "Denser means stronger: mild, moderate, severe."
            )
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        h = self.fontMetrics().height()
        return QSize(320, round(h * 1.6 * 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_legend(painter, QRectF(self.rect()), ink=palette.current().map_ink)
        painter.end()


class SymptomMapEditor(QWidget):
    changed = Signal()

    def __init__(self, drawing: BodyMapDrawing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_widget = BodyMapWidget(drawing)
        self.map_widget.changed.connect(self.changed)

        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel(_("Mark:")))
        for kind in SymptomKind:
            button = QRadioButton(_(KIND_NAMES[kind]))
            button.setIcon(swatch_icon(kind))
            button.setIconSize(QSize(22, 22))
            button.setAccessibleName(_(KIND_ACTIONS[kind]))
            button.setChecked(kind is SymptomKind.PAIN)
            button.toggled.connect(lambda on, k=kind: self._set_kind(k) if on else None)
            self.kind_group.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)

        self.intensity_group = QButtonGroup(self)
        levels = QHBoxLayout()
        levels.addWidget(QLabel(_("Strength:")))
        for level in INTENSITY_NAMES:
            button = QRadioButton(_(STRENGTH_NAMES[level]))
            button.setAccessibleName(_(STRENGTH_ACTIONS[level]))
            button.setChecked(level == 2)
            button.toggled.connect(lambda on, v=level: self._set_intensity(v) if on else None)
            self.intensity_group.addButton(button)
            levels.addWidget(button)
        levels.addStretch(1)

        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo"))
        self.undo_button.setToolTip(_("Undo the last change to the map (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.map_widget.undo_stack.undo)
        self.map_widget.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.clear_button = QPushButton(_("Clear all"))
        self.clear_button.setAccessibleName(_("Clear all"))
        self.clear_button.setToolTip(_("Remove every mark (can be undone)"))
        self.clear_button.clicked.connect(self.map_widget.clear_all)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.map_widget.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.map_widget.undo_stack.redo)
        levels.addWidget(self.undo_button)
        levels.addWidget(self.clear_button)

        hint = QLabel(
            _("Click where you feel it. Click again for stronger; right-click (or Delete) clears.")
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(kinds)
        layout.addLayout(levels)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.map_widget, stretch=1)
        # The column beside the map: the legend, then whatever the page adds.
        self.side_layout = QVBoxLayout()
        self.side_layout.addWidget(Legend())
        side_host = QWidget()
        side_host.setLayout(self.side_layout)
        side_host.setFixedWidth(340)
        row.addWidget(side_host)
        layout.addLayout(row, stretch=1)

    def _set_kind(self, kind: SymptomKind) -> None:
        self.map_widget.kind = kind

    def _set_intensity(self, level: int) -> None:
        self.map_widget.intensity = level

    def symptom_map(self) -> SymptomMap:
        return self.map_widget.symptom_map()

    def set_map(self, symptoms: SymptomMap) -> None:
        self.map_widget.set_map(symptoms)
