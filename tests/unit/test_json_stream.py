"""The streamed JSON writer gives the very bytes of ``json.dumps(document,
ensure_ascii=False, indent=2) + "\\n"``: for any JSON value (texts with newlines, quotes,
braces and control characters, nesting of every kind) and for exported journals."""

from __future__ import annotations

import io
import json
from collections import OrderedDict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.program_loader import load_program
from sciatica_journal.services.transfer import TransferService
from sciatica_journal.services.transfer.json_entries import EntryTexts, as_text
from sciatica_journal.services.transfer.json_stream import BATCH, encode, write_document
from sciatica_journal.services.transfer.json_writing import (
    journal_parts,
    map_doc,
    screen_doc,
    session_complete,
    session_doc,
)
from sciatica_journal.services.transfer.session_rows import SessionRowTexts, session_text
from sciatica_journal.storage.transfer_records import (
    MapRecord,
    MarkRecord,
    ScreenRecord,
    SessionRecord,
)
from tests.unit.test_transfer import _fill

TRICKY = st.sampled_from(
    ["", "},\n      {", '"}, {"', "\\", "\x00", "\x1f\t\r\n", "«ça va»", "😀", "{", "]", ": "]
)
TEXT = st.one_of(st.text(max_size=12), TRICKY)
PLAIN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON = st.recursive(
    PLAIN,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(TEXT, inner, max_size=5),
        st.lists(st.dictionaries(TEXT, PLAIN, min_size=1, max_size=4), max_size=4),
    ),
    max_leaves=40,
)


def _dumped(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=400, deadline=None)
@given(JSON)
def test_any_json_value_is_written_as_json_dumps_writes_it(value):
    assert encode(value) == _dumped(value)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(TEXT, JSON, max_size=4),
    st.lists(st.tuples(TEXT, st.lists(JSON, max_size=6)), max_size=4, unique_by=lambda p: p[0]),
)
def test_a_document_written_in_parts_is_json_dumps_with_a_final_newline(head, lists):
    lists = [(key, entries) for key, entries in lists if key not in head]
    out = io.BytesIO()
    write_document(out, head, [(key, iter(entries)) for key, entries in lists])
    expected = _dumped({**head, **dict(lists)}) + "\n"
    assert out.getvalue() == expected.encode("utf-8")


def test_keys_that_are_not_text_tuples_and_subclasses_are_written_as_json_dumps_writes_them():
    value = {1: [{"a": 1}], 2.5: {"b": [1]}, None: True, False: {}}
    assert encode(value) == _dumped(value)
    assert encode([value, value]) == _dumped([value, value])
    odd = {"a": (1, {"b": ()}), "c": OrderedDict(x=[1]), "d": [{"e": (2,)}], "f": ()}
    assert encode(odd) == _dumped(odd)
    assert encode([OrderedDict(x=1), {"y": 2}]) == _dumped([OrderedDict(x=1), {"y": 2}])


def test_lists_longer_than_a_batch_and_deep_nesting():
    entries = [{"n": i, "marks": [{"a": i}]} for i in range(BATCH * 2 + 3)]
    out = io.BytesIO()
    write_document(out, {"format": "x"}, [("entries", iter(entries)), ("empty", iter([]))])
    assert (
        out.getvalue()
        == (_dumped({"format": "x", "entries": entries, "empty": []}) + "\n").encode()
    )
    deep: Any = [1]
    for _ in range(40):
        deep = {"k": [deep, {}]}
    assert encode(deep) == _dumped(deep)


def _exported_equals_dumps(services) -> None:
    """The streamed document, of dicts and of the entries written as text (the export's
    way: its sessions in parts, by one process or by several), is the very bytes of
    json.dumps."""
    transfer = TransferService(
        services.program, services.catalog, services.clock, services.stores.transfer
    )
    document = transfer.journal_document()
    expected = (_dumped(document) + "\n").encode("utf-8")
    for workers in (None, 1, 2, 3):
        with services.stores.transfer.export_snapshot(shared=True) as (read, sessions, _):
            out = _written(services, document, read(), sessions, workers)
        assert out == expected, f"{workers} processes"


def _written(services, document, contents, sessions, workers) -> bytes:
    texts = EntryTexts()
    with session_text(sessions, services.program, workers=workers or 1) as session_texts:
        head, lists = journal_parts(
            contents,
            exported_at=document["exported_at"],
            include_identity=True,
            program=services.program,
        )
        if workers is None:  # the dicts of every entry
            lists = [
                ("sessions", iter(dict(d) for d in document["sessions"]))
                if key == "sessions"
                else (key, entries)
                for key, entries in lists
            ]
            written = lists
        else:
            written = as_text(lists, contents, session_texts, texts)
        out = io.BytesIO()
        write_document(out, head, written)
        return out.getvalue()


def test_the_demo_journal_is_written_byte_for_byte_as_before(services):
    generate_demo(services)
    _exported_equals_dumps(services)


def test_a_journal_of_every_kind_is_written_byte_for_byte_as_before(services):
    _fill(services)  # a profile with a name, odd texts, stopped sessions, measures
    _exported_equals_dumps(services)


def test_an_exported_file_is_the_indented_document(services, tmp_path):
    _fill(services)
    transfer = TransferService(
        services.program, services.catalog, services.clock, services.stores.transfer
    )
    path = tmp_path / "journal.json"
    transfer.export_json(path)
    text = path.read_text(encoding="utf-8")
    assert text == _dumped(transfer.journal_document()) + "\n"  # the same clock: same time


MARKS = st.lists(
    st.builds(
        MarkRecord,
        st.sampled_from(["calf-right", "foot-left", "buttock-right"]),
        st.sampled_from(["pain", "numbness", "tingling"]),
        st.integers(1, 3),
    ),
    max_size=3,
).map(tuple)
MAPS = st.builds(MapRecord, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, MARKS)
SCORE = st.one_of(st.none(), st.integers(0, 10))
FLAG = st.one_of(st.none(), st.booleans())
SESSIONS = st.builds(
    SessionRecord,
    uuid=TEXT,
    rung=st.one_of(st.sampled_from(["prone-lying", "baby-press-ups", "?"]), TEXT),
    started_at=TEXT,
    ended_at=TEXT,
    zone=TEXT,
    local_date=TEXT,
    back_pain_before=st.integers(0, 10),
    leg_pain_before=st.integers(0, 10),
    back_pain_after=SCORE,
    leg_pain_after=SCORE,
    outcome=TEXT,
    reps_done=st.one_of(st.none(), st.integers(0, 12)),
    hold_seconds=st.one_of(st.none(), st.integers(0, 300)),
    range_reached=st.one_of(st.none(), TEXT),
    pelvis_stayed_down=FLAG,
    stopped_for_pain=st.booleans(),
    note=TEXT,
    map_before=st.one_of(st.none(), MAPS),
    map_after=st.one_of(st.none(), MAPS),
    planned=st.one_of(st.none(), st.integers(0, 12)),
    against_advice=st.booleans(),
)


def _row(s: SessionRecord, n: int, *, against: bool | None) -> tuple[Any, ...]:
    """The session as ``storage.export_sessions`` gives its row (values as read)."""
    maps = [
        (None,) * 8
        if m is None
        else (n, m.uuid, m.recorded_at, m.zone, m.local_date, m.context, m.note, m.marks)
        for m in (s.map_before, s.map_after)
    ]
    ids = [None if m is None else n for m in (s.map_before, s.map_after)]
    return (*s[:17], *ids, s.planned, against, n, *maps[0], *maps[1])


@settings(max_examples=300, deadline=None)
@given(st.lists(SESSIONS, min_size=1, max_size=6), st.lists(MAPS, max_size=4))
def test_sessions_and_check_ins_written_as_text_are_their_entries_encoded(sessions, check_ins):
    """The text of each entry is its dict encoded: texts with quotes and control
    characters, NULLs, and scores of 1 and 0 beside true and false (1 == True); sessions
    with and without maps in one part; NULL for "against the advice" (older sessions)
    written as false."""
    program = load_program()
    rows = SessionRowTexts(program, [None] * 38)  # the same writer throughout: its memos
    expected = [encode(session_doc(s, complete=session_complete(s, program)), 2) for s in sessions]
    assert (
        rows.sessions([_row(s, n, against=s.against_advice) for n, s in enumerate(sessions)])
        == expected
    )
    older = [_row(s, n, against=s.against_advice or None) for n, s in enumerate(sessions)]
    assert rows.sessions(older) == expected
    texts = EntryTexts()
    for m in check_ins:
        assert texts.check_in(m) == encode(map_doc(m), 2)


def test_a_session_row_writer_is_given_a_reader_for_each_column():
    with pytest.raises(ValueError, match="38 readers"):
        SessionRowTexts(load_program(), [None] * 37)


SCREENS = st.builds(
    ScreenRecord,
    TEXT,
    TEXT,
    TEXT,
    TEXT,
    TEXT,
    TEXT,
    st.lists(st.tuples(st.sampled_from(["bladder", "saddle", "weakness", "?"]), st.booleans())).map(
        tuple
    ),
    st.one_of(st.none(), TEXT),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SCREENS, min_size=1, max_size=8))
def test_screenings_written_as_text_are_their_entries_encoded(screens):
    """A screening's text is its dict encoded: odd texts, no session, no answers, the same
    question answered twice (the last answer counts, as in its dict), the same answers in
    several screenings (their text is made once)."""
    texts = EntryTexts()
    for s in [*screens, *screens]:
        assert texts.screen(s) == encode(screen_doc(s), 2)
