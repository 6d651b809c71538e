"""In German, Qt's side speaks German too: the generated settings form's labels come from
the app's catalog, Qt's standard buttons from Qt's own translation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from sciatica_journal.gui.profile_dialog import ProfileDialog
from sciatica_journal.gui.profile_form import ProfileForm
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.services import languages


@pytest.fixture
def german(qapp) -> Iterator[None]:
    languages.use_language("de")
    install_translators(qapp)
    yield
    languages.use_language("en")
    install_translators(qapp)


def test_the_settings_form_and_its_buttons_are_german(qtbot, set_up_services, german):
    services = set_up_services
    dialog = ProfileDialog(services.profiles, ProfileForm(services.program), first_run=False)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "&Betroffene Seite" in texts
    assert "&Affected side" not in texts
    words = {b.text() for b in dialog.findChild(QDialogButtonBox).buttons()}
    assert words & {"Abbrechen", "&Abbrechen"}, words
