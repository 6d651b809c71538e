"""A question answered by a forked child is the answer this process would give: yes or
no from the child, asked here when the child fails or no child may be forked, and no
child left behind, even when the caller leaves before asking."""

from __future__ import annotations

import os
import time

import pytest

from sciatica_journal.services.transfer import parallel_parts
from sciatica_journal.services.transfer.forked_answer import ForkedAnswer
from tests.unit.test_parallel_parts import _no_child_left


@pytest.fixture(autouse=True)
def forking(monkeypatch):
    monkeypatch.setattr(parallel_parts, "may_fork", lambda: True)


@pytest.mark.parametrize("answer", [True, False])
def test_the_child_answers_yes_or_no(answer):
    here = os.getpid()
    asked_where: list[int] = []

    def question() -> bool:
        asked_where.append(os.getpid())  # a child's list is its own copy
        return answer

    with ForkedAnswer(question) as forked:
        assert forked.forked
        assert forked.answer() is answer
    assert asked_where == []  # asked in the child, not here
    assert here == os.getpid() and _no_child_left()


def test_a_child_that_fails_leaves_the_question_to_this_process():
    here = os.getpid()

    def fails_elsewhere() -> bool:
        if os.getpid() != here:
            raise RuntimeError("a child's failure")
        return True

    with ForkedAnswer(fails_elsewhere) as forked:
        assert forked.answer() is True
    assert _no_child_left()


def test_not_worth_it_or_not_allowed_it_is_asked_here(monkeypatch):
    asked: list[int] = []
    with ForkedAnswer(lambda: asked.append(1) is None, worth=False) as forked:
        assert not forked.forked
        assert forked.answer() is True
    monkeypatch.setattr(parallel_parts, "may_fork", lambda: False)
    with ForkedAnswer(lambda: asked.append(2) is None) as forked:
        assert not forked.forked
        assert forked.answer() is True
    assert asked == [1, 2]


def test_leaving_before_asking_stops_the_child():
    started = time.monotonic()
    with pytest.raises(KeyError), ForkedAnswer(lambda: time.sleep(60) is None):
        raise KeyError("the caller's own error")
    assert time.monotonic() - started < 10
    assert _no_child_left()
