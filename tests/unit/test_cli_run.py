"""``cli.run``: after a verb the process leaves at once (``os._exit``), its output
flushed first; the window, a verb that left a thread at work, and output that cannot be
flushed end as Python ends."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from sciatica_journal import cli, process_end


class Left(Exception):
    pass


@pytest.fixture
def threads(monkeypatch):
    """The threads this process has but its main one (pytest's own, e.g. the timeout's
    timer, left out)."""
    mine: list[threading.Thread] = []
    monkeypatch.setattr(threading, "enumerate", lambda: [threading.main_thread(), *mine])
    return mine


@pytest.fixture
def leaving(monkeypatch, threads):
    """The statuses ``os._exit`` was called with (it raises instead of leaving)."""
    statuses: list[int] = []

    def leave(status: int) -> None:
        statuses.append(status)
        raise Left

    monkeypatch.setattr(cli.os, "_exit", leave)
    return statuses


def test_after_a_verb_the_output_is_flushed_and_the_process_leaves(monkeypatch, leaving):
    flushed: list[str] = []

    class Out:
        def flush(self) -> None:
            flushed.append("out")

    monkeypatch.setattr(cli, "_main", lambda argv: (3, True))
    monkeypatch.setattr(process_end.sys, "stdout", Out())
    with pytest.raises(Left):
        cli.run()
    assert leaving == [3]
    assert flushed == ["out"]


def test_the_window_ends_as_python_ends(monkeypatch, leaving):
    monkeypatch.setattr(cli, "_main", lambda argv: (0, False))
    assert cli.run() == 0
    assert leaving == []


def test_a_thread_still_at_work_is_waited_for_but_not_a_daemon(monkeypatch, leaving, threads):
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    daemon = threading.Thread(target=release.wait, daemon=True)
    threads.append(worker)
    worker.start()
    daemon.start()
    try:
        monkeypatch.setattr(cli, "_main", lambda argv: (0, True))
        assert cli.run() == 0
        assert leaving == []
        threads[:] = [daemon]
        with pytest.raises(Left):
            cli.run()
        assert leaving == [0]
    finally:
        release.set()
        worker.join()
        daemon.join()


def test_output_that_cannot_be_flushed_is_left_to_python(monkeypatch, leaving):
    class Closed:
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(cli, "_main", lambda argv: (0, True))
    monkeypatch.setattr(process_end.sys, "stdout", Closed())
    assert cli.run() == 0
    assert leaving == []


def test_the_collector_is_off_while_the_program_loads_and_on_when_the_verb_runs(
    monkeypatch, tmp_path: Path, capsys
):
    seen: list[bool] = []
    monkeypatch.setattr(cli, "_main", lambda argv: (seen.append(gc.isenabled()), (0, False))[1])
    try:
        cli.run()
        assert seen == [False]
        monkeypatch.undo()
        running = cli._run_verb

        def run_verb(*args):
            seen.append(gc.isenabled())
            return running(*args)

        monkeypatch.setattr(cli, "_run_verb", run_verb)
        gc.disable()
        assert cli.main(["--data-dir", str(tmp_path / "journal"), "summary", "--json"]) == 0
        assert seen == [False, True]
        assert '"sessions"' in capsys.readouterr().out
    finally:
        gc.enable()
        gc.unfreeze()
