"""The PDF goes through the one atomic writer: private, fsynced with its folder, and a
failure at the last step leaves the old report and nothing else."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import ReportError, write_report
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.report_service import ReportOptions


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"  # beside the journal's folder
    folder.mkdir()
    return folder


@pytest.fixture
def data(qapp, services):
    generate_demo(services)
    return services.reports.gather(ReportOptions()), BodyMapDrawing(services.catalog)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads fsynced names in /proc")
def test_the_report_and_its_folder_are_fsynced_and_private(data, out, monkeypatch):
    synced: list[Path] = []
    real = os.fsync

    def record(fd: int) -> None:
        synced.append(Path(f"/proc/self/fd/{fd}").readlink())
        real(fd)

    monkeypatch.setattr(os, "fsync", record)
    old = os.umask(0o022)
    try:
        pages = write_report(*data, out / "report.pdf")
    finally:
        os.umask(old)
    assert pages >= 3
    assert synced[0].parent == out and synced[0].name.startswith(".report-")
    assert synced[1:] == [out]
    assert stat.S_IMODE((out / "report.pdf").stat().st_mode) == 0o600
    assert [p.name for p in out.iterdir()] == ["report.pdf"]


def test_a_failing_rename_keeps_the_old_report(data, out, monkeypatch):
    target = out / "report.pdf"
    target.write_bytes(b"%PDF the old report")

    def refuse(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="Input/output error"):
        write_report(*data, target)
    assert target.read_bytes() == b"%PDF the old report"
    assert [p.name for p in out.iterdir()] == ["report.pdf"]


def test_an_incomplete_pdf_is_not_moved_into_place(data, out, monkeypatch):
    from sciatica_journal.reports import pdf_file

    def short(path: Path) -> None:
        raise ReportError(errno.EIO, "the report could not be written completely")

    monkeypatch.setattr(pdf_file, "check_complete", short)
    with pytest.raises(ReportError, match="completely"):
        write_report(*data, out / "report.pdf")
    assert list(out.iterdir()) == []
