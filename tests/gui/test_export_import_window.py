"""Export and import from the window's File menu: the files are written, an import adds the
entries and refreshes the pages, a bad file is refused with a message and changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.storage import models
from tests.gui.conftest import find, when_modal


def test_export_then_import_into_an_empty_journal(qtbot, services, tmp_path):
    generate_demo(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "journal.json"
    assert window.export_json(target)
    assert target.read_text(encoding="utf-8").startswith("{")
    assert window.export_csv(tmp_path)
    assert (tmp_path / "sessions.csv").exists()
    with services.journal.bound():
        count = models.ExerciseSession.select().count()
        models.ExerciseSession.delete().execute()
    window.journal_changed.emit()
    assert find(window, "Sessions today", QLabel).text().startswith("0 of")
    assert window.import_json(target)
    with services.journal.bound():
        assert models.ExerciseSession.select().count() == count
    assert window.last_transfer_message.startswith("Import: added")


def test_a_bad_file_is_refused_with_a_message(qtbot, set_up_services, tmp_path):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    seen = {}

    def read(box):
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.accept()

    when_modal(qtbot, read)
    assert not window.import_json(bad)
    assert seen["text"].startswith("Nothing was changed:")
    assert "is not JSON" in seen["text"]


def test_the_file_menu_asks_where_to_export_and_what_to_import(
    qtbot, set_up_services, tmp_path, monkeypatch
):
    """The menu items open a file dialog (they once passed their 'checked' flag as the path
    and failed with a TypeError); the chosen file is written or read."""
    from sciatica_journal.gui import window_transfer

    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    actions = {a.text(): a for m in window.menuBar().actions() for a in m.menu().actions()}
    target = tmp_path / "menu.json"
    asked = []

    def fake_save(parent, title, proposed, name_filter):
        asked.append(title)
        return target

    when_modal(qtbot, lambda dialog: (asked.append(dialog.windowTitle()), dialog.done(0)))
    actions["Export the journal (JSON)…"].trigger()
    assert asked == ["Export the journal"] and not target.exists()  # cancelled: nothing
    monkeypatch.setattr(window_transfer, "ask_save_path", fake_save)
    actions["Export the journal (JSON)…"].trigger()
    assert target.read_text(encoding="utf-8").startswith("{")
    monkeypatch.setattr(window_transfer, "ask_open_path", lambda *args: target)
    actions["&Import a journal (JSON)…"].trigger()
    assert window.last_transfer_message.startswith("Import:")
