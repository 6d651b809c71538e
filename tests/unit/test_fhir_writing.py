"""How the FHIR export writes its text fast (services/fhir/templates.py, streaming.py):
the same ids and the same JSON as the plain way, and a failed write leaves no file."""

from __future__ import annotations

import datetime as dt
import errno
import gc
import io
import json
import uuid
from pathlib import Path

import pytest

from sciatica_journal.services.container import Services
from sciatica_journal.services.fhir.observations import _NAMESPACE, derived_id
from sciatica_journal.services.fhir.streaming import BackgroundWriter, paused_gc
from sciatica_journal.services.fhir.templates import Template, encode, slot, string
from sciatica_journal.services.transfer import TransferError
from sciatica_journal.storage import atomic_files
from tests.builders import new_session

TEXTS = ["plain", 'a "quote" and a \\ backslash', "Rückenschmerz 100 % \u2014 \n\t\x00", ""]


@pytest.mark.parametrize("entry", [str(uuid.uuid4()) for _ in range(20)] + ["ä/ü", ""])
def test_a_derived_id_is_the_uuid5_it_always_was(entry: str) -> None:
    for part in ("back_pain_before", "leg_pain_after", "x"):
        assert derived_id(entry, part) == str(uuid.uuid5(_NAMESPACE, f"{entry}/{part}"))


@pytest.mark.parametrize("text", TEXTS)
def test_a_filled_template_is_the_resource_encoded(text: str) -> None:
    def shape(name: object, number: object, items: object) -> dict[str, object]:
        return {
            "resourceType": "Observation",
            "id": name,
            "note": "100 % constant, {braces} and %(names)s",
            "valueInteger": number,
            "component": items,
            "nested": {"deep": [{"text": name}]},
        }

    items = [{"text": text, "valueBoolean": True}]
    template = Template(shape(slot("name"), slot("number"), slot("items")))
    filled = template.fill({"name": string(text), "number": "7", "items": encode(items)})
    assert filled == encode(shape(text, 7, items))
    assert json.loads(filled)["nested"]["deep"][0]["text"] == text


def test_a_template_names_its_slots_in_order_and_a_slot_stands_alone() -> None:
    template = Template({"a": slot("one"), "b": [slot("two")]}, suffix=",")
    assert template.parts("one", "two") == ('{"a":', ',"b":[', "]},")
    with pytest.raises(ValueError, match="slots"):
        template.parts("two", "one")
    with pytest.raises(ValueError, match="inside a text"):
        Template({"a": f"urn:uuid:{slot('one')}"})


def test_the_collector_is_paused_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Failing(io.BytesIO):
    def __init__(self, after: int) -> None:
        super().__init__()
        self._left = after

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self._left == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._left -= 1
        return super().write(data)


def test_the_background_writer_keeps_the_order_and_reports_a_failed_write() -> None:
    out = io.BytesIO()
    with BackgroundWriter(out) as writer:
        for part in ("ä", "b" * 100_000, "c"):
            writer.write(part)
    assert out.getvalue() == "ä".encode() + b"b" * 100_000 + b"c"
    with pytest.raises(OSError, match="No space"), BackgroundWriter(_Failing(1)) as writer:
        for part in ("a", "b", "c", "d"):
            writer.write(part)


def test_a_failed_write_leaves_no_file(
    set_up_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = set_up_services
    start = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    for hours in range(0, 600, 6):
        services.sessions.record(new_session(start - dt.timedelta(hours=hours)))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "clinic.json"
    monkeypatch.setattr(atomic_files.StagedFile, "stream", lambda staged: _Failing(0))
    with pytest.raises(TransferError, match=r"cannot write .*No space left"):
        services.fhir.export(target)
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    result = services.fhir.export(target)
    assert result.counts["Observation"] == len(json.loads(target.read_text())["entry"]) - 5
    assert [p.name for p in out.iterdir()] == ["clinic.json"]
