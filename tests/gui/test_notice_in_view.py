"""Settings → Guided sessions: after Test, what it found (no sound device, the cues are
off) is shown in view, under the button, even where the Settings scroll at 1024×600."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget

from sciatica_journal.gui.guide_sound import GuideSetup
from sciatica_journal.gui.profile_dialog import ProfileDialog
from sciatica_journal.gui.profile_form import ProfileForm
from tests.gui.conftest import find

NO_DEVICE = "No sound device was found: the cues are only shown."


def _in_view(widget: QWidget, area: QScrollArea) -> bool:
    viewport = area.viewport()
    where = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    return viewport.rect().contains(where)


def test_the_test_notice_is_scrolled_into_view(qtbot, set_up_services):
    services = set_up_services
    dialog = ProfileDialog(
        services.profiles,
        ProfileForm(services.program),
        first_run=False,
        preferences=services.preferences,
        guide=GuideSetup(sound=lambda _chosen: (None, NO_DEVICE)),
    )
    qtbot.addWidget(dialog)
    dialog.resize(dialog.width(), 560)  # 1024×600 less the title bar: the Settings scroll
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.findChild(QScrollArea)
    assert area.verticalScrollBar().maximum() > 0
    test = find(dialog, "Test the sound", QPushButton)
    area.ensureWidgetVisible(test, 0, 0)  # the button at the bottom edge, as scrolled to
    qtbot.wait(20)
    assert _in_view(test, area)
    qtbot.mouseClick(test, Qt.MouseButton.LeftButton)
    notice = find(dialog, "Sound", QLabel)
    assert notice.text() == NO_DEVICE
    qtbot.wait(50)  # the layouts make room for it; then it is scrolled to
    assert notice.isVisible()
    assert _in_view(notice, area) and _in_view(test, area)
