"""The services speak German when German is installed: the Edit menu's undo labels, the
description of a deleted entry, an import's summary and its one-line errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.services import languages
from sciatica_journal.services.container import Services
from sciatica_journal.services.transfer import ImportReport, TransferError
from sciatica_journal.storage import transfer_records
from tests.builders import new_session

pytestmark = pytest.mark.usefixtures("bound_models")


@pytest.fixture
def german(set_up_services: Services) -> Iterator[Services]:
    # After build_services (which installs the journal's language, English here).
    languages.use_language("de")
    yield set_up_services
    languages.use_language("en")


def test_undo_labels_are_german(german, clock):
    s = german
    # The session starts at 08:00 UTC, 09:00 in Berlin; the note is written at 10:00.
    clock.moment = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    done = s.operations.record_session(new_session(clock.moment - dt.timedelta(hours=1)))
    assert done.label == "Übungseinheit vom 1. Dez. 09:00 speichern"
    assert s.operations.undo_stack.undo_label == done.label
    edited = s.operations.edit_session_pain(done.value.uuid, 5, 6, 4, 4)
    assert edited.label == "Schmerzwerte vom 1. Dez. 09:00 bearbeiten"
    deleted = s.operations.delete(EntryKind.SESSION, done.value.uuid)
    assert deleted.label == "Übungseinheit vom 1. Dez. 09:00 löschen"
    # The Journal page's "Deleted: ..." names the entry with a German date.
    assert deleted.value.description.endswith("am Di., 1. Dez. 2026 um 09:00")
    note = s.operations.add_note("Physiotherapie am Freitag")
    assert note.label == "Notiz vom 1. Dez. 10:00 hinzufügen"  # written now
    assert s.operations.save_profile(s.profiles.profile()).label == "Änderung der Einstellungen"


def test_an_import_summary_and_its_errors_are_german(german, tmp_path: Path):
    report = ImportReport(
        added={transfer_records.SESSIONS: 3, transfer_records.NOTES: 1},
        skipped={transfer_records.SESSIONS: 1},
    )
    assert report.describe() == (
        "hinzugefügt: 3 Übungseinheiten und 1 Notiz; "
        "übersprungen, weil schon im Tagebuch: 1 Übungseinheit"
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(TransferError) as caught:
        german.transfer.import_json(bad)
    assert str(caught.value) == (
        "keine Sciatica-Journal-Datei: 'format' ist 'something else', nicht 'sciatica-journal'"
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(TransferError, match=r"ist kein JSON: .* in Zeile 1, Spalte 12"):
        german.transfer.import_json(broken)


def test_english_labels_stay_as_they_were(set_up_services, clock):
    s = set_up_services
    clock.moment = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    done = s.operations.record_session(new_session(clock.moment - dt.timedelta(hours=1)))
    assert done.label == "save exercise session of 1 Dec 09:00"
    deleted = s.operations.delete(EntryKind.SESSION, done.value.uuid)
    assert deleted.value.description.endswith("on Tue 1 Dec 2026 at 09:00")
