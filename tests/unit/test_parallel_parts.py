"""A text made in parts by forked processes is the text one process makes: in order,
whole, with the parts of a child that fails made again here, the parts shared by how fast
each process is, and no child left behind."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_journal.services.transfer import parallel_parts
from sciatica_journal.services.transfer.parallel_parts import parts, texts_in_parts


def _text(start: int, stop: int) -> str:
    return "".join(f"«{i}»" for i in range(start, stop))  # not ASCII: UTF-8 through files


def _pieces(start: int, stop: int) -> list[str]:
    return [_text(i, min(i + 7, stop)) for i in range(start, stop, 7)]


def _no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 100_000), st.integers(1, 3000))
def test_the_parts_cover_every_entry_once_in_order_and_none_is_empty(count, step):
    cut = parts(count, step)
    assert len(cut) <= parallel_parts.MAX_PARTS  # each numbered by one byte
    assert [i for start, stop in cut for i in range(start, stop)] == list(range(count))
    assert all(start < stop for start, stop in cut)
    assert len({stop - start for start, stop in cut[:-1]}) <= 1  # equal, but the last


@pytest.mark.parametrize("workers", [1, 2, 3, 4])
def test_parts_made_by_several_processes_are_the_pieces_of_one(workers):
    made = list(texts_in_parts(5000, _pieces, workers=workers))
    cut = parts(5000) if workers > 1 else [(0, 5000)]
    assert made == [p.encode("utf-8") for start, stop in cut for p in _pieces(start, stop)]
    assert b"".join(made).decode("utf-8") == _text(0, 5000)  # each piece as it was made
    assert _no_child_left()


def test_a_slower_process_takes_fewer_parts():
    """The parts are taken in turns: a child ten times slower than this process makes
    only a few of them (about 2 of 20), and the text is the same."""
    here = os.getpid()

    def marked(start: int, stop: int) -> Iterator[str]:
        time.sleep(0.005 if os.getpid() == here else 0.05)
        yield f"{start}:{'here' if os.getpid() == here else 'child'};"

    made = b"".join(texts_in_parts(20 * parallel_parts.PART, marked, workers=2)).decode()
    pieces = made.rstrip(";").split(";")
    assert [int(p.split(":")[0]) for p in pieces] == [n * parallel_parts.PART for n in range(20)]
    assert 0 < sum(p.endswith("child") for p in pieces) <= 5
    assert _no_child_left()


def test_a_part_whose_process_failed_is_made_again_here():
    here = os.getpid()

    def fails_elsewhere(start: int, stop: int) -> Iterator[str]:
        for piece in _pieces(start, stop):
            yield piece  # a child writes some of its text, then fails
            if os.getpid() != here:
                raise RuntimeError("a child's failure")

    made = b"".join(texts_in_parts(100, fails_elsewhere, workers=3))
    assert made.decode("utf-8") == _text(0, 100)
    assert _no_child_left()


def test_an_error_here_is_raised_and_the_children_are_stopped():
    def fails(start: int, stop: int) -> list[str]:
        if start == 0:
            raise ValueError("the first part's error")
        return _pieces(start, stop)

    with pytest.raises(ValueError, match="the first part's error"):
        b"".join(texts_in_parts(100, fails, workers=3))
    assert _no_child_left()


def test_a_reader_that_stops_early_leaves_no_child_behind():
    parts = texts_in_parts(100, _pieces, workers=3)
    assert next(parts).decode("utf-8").startswith("«0»")
    parts.close()
    assert _no_child_left()


def test_few_entries_or_other_threads_keep_the_work_in_this_process(monkeypatch):
    assert parallel_parts.workers_here(parallel_parts.MIN_PART) == 1
    monkeypatch.setattr(parallel_parts, "may_fork", lambda: False)
    assert parallel_parts.workers_here(10 * parallel_parts.MIN_PART) == 1
    monkeypatch.setattr(parallel_parts, "may_fork", lambda: True)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert parallel_parts.workers_here(10 * parallel_parts.MIN_PART) == 2


def test_a_part_is_given_as_soon_as_every_part_before_it_is_made():
    """The child makes the first parts while this process waits, then is slow on one of
    the later ones: the first parts are given at once, not once the child is done."""
    here = os.getpid()

    def made(start: int, stop: int) -> Iterator[str]:
        if os.getpid() != here and start >= 10 * parallel_parts.PART:
            time.sleep(1.0)
        yield f"{start};"

    with parallel_parts.TextInParts(20 * parallel_parts.PART, made, workers=2) as text:
        time.sleep(0.3)  # meanwhile the child makes the first ten
        began = time.monotonic()
        pieces = iter(text)
        assert next(pieces) == b"0;"
        assert time.monotonic() - began < 0.4  # not after the child's slow part
        rest = b"".join(pieces).decode()
    assert rest.rstrip(";").split(";") == [str(n * parallel_parts.PART) for n in range(1, 20)]
    assert _no_child_left()
