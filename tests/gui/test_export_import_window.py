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
    count = models.ExerciseSession.select().count()
    models.ExerciseSession.delete().execute()
    window.journal_changed.emit()
    assert find(window, "Sessions today", QLabel).text().startswith("0 of")
    assert window.import_json(target)
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
