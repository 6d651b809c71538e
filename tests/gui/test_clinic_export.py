"""File → Export for your clinic's record…: asks where, then whether to include the name
(when the profile has one), and writes the FHIR Bundle."""

from __future__ import annotations

import dataclasses
import json

from PySide6.QtWidgets import QMessageBox

from sciatica_journal.gui import file_dialogs
from sciatica_journal.gui.main_window import MainWindow
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import when_modal


def _kinds(path) -> list[str]:
    bundle = json.loads(path.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    return [e["resource"]["resourceType"] for e in bundle["entry"]]


def test_the_menu_entry_asks_and_writes_the_bundle(qtbot, set_up_services, tmp_path, monkeypatch):
    profiles = set_up_services.profiles
    profiles.save(dataclasses.replace(profiles.profile(), name="Erika Muster"))
    set_up_services.sessions.record(new_session(NOW.replace(hour=9)))
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    actions = {a.text(): a for m in window.menuBar().actions() for a in m.menu().actions()}
    action = actions["Export for your clinic's record…"]
    target = tmp_path / "clinic.json"
    asked = []

    def fake_save(parent, title, proposed, name_filter):
        asked.append(title)
        return target

    monkeypatch.setattr(file_dialogs, "ask_save_path", fake_save)
    seen = {}

    def answer(box):
        assert isinstance(box, QMessageBox)
        seen["name"] = box.accessibleName()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(qtbot, answer)
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=5000)
    assert asked == ["Export for your clinic's record"]
    assert seen["name"] == "Include your name and birth date"
    assert "Patient" in _kinds(target)
    assert window.clinic_export.last_message.startswith("Exported for your clinic's record")
    # without the name: no Patient
    other = tmp_path / "anonymous.json"
    assert window.clinic_export.run(other, include_identity=False)
    assert "Patient" not in _kinds(other)
    assert _kinds(other).count("Provenance") == 1
    assert _kinds(other).count("Observation") == 7  # the session, 4 pain scores, 2 maps


def test_a_folder_that_is_gone_is_a_message(qtbot, set_up_services, tmp_path):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(qtbot, read)
    assert not window.clinic_export.run(tmp_path / "gone" / "c.json", include_identity=False)
    assert seen["text"].startswith("Nothing was changed:")
    assert not (tmp_path / "gone").exists()
