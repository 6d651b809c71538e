"""``sciatica-journal audio-guide``: the real program writes the spoken, paced guide of an
exercise as a WAV file, in the journal's language; bad input is one line, a non-zero exit
and no file at all."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np
import pytest

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.services.container import build_services
from tests.e2e.conftest import run


def _guide(journal_dir: Path, *args: str, **env: str):
    return run("audio-guide", "--data-dir", str(journal_dir), *args, **env)


def _read(path: Path) -> tuple[wave.Wave_read, np.ndarray]:
    with wave.open(str(path), "rb") as wav:
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return wav, samples


def _speech(samples: np.ndarray, start_s: float, end_s: float) -> np.ndarray:
    return samples[int(start_s * 22050) : int(end_s * 22050)]


def test_ten_press_ups_as_a_wav_file(tmp_path: Path, journal_dir: Path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "press-ups.wav"
    result = _guide(
        journal_dir, "--exercise", "baby-press-up", "--reps", "10", "--out", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {target} (1:18 of guidance)\n"
    assert result.stderr == ""
    wav, samples = _read(target)
    assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
    # 3 s lead-in, 10 x 7 s, 5 s to close: 78 s.
    assert len(samples) / 22050 == pytest.approx(78.0, abs=0.5)
    assert np.abs(samples).max() > 10_000
    assert np.abs(_speech(samples, 3.0, 3.4)).max() > 3000  # the first "Up"
    assert list(out.iterdir()) == [target]  # no temporary file left


def test_a_hold_at_its_default_and_a_slower_pace(tmp_path: Path, journal_dir: Path):
    hold = tmp_path / "hold.wav"
    result = _guide(journal_dir, "--exercise", "prone-prop", "--out", str(hold))
    assert result.returncode == 0, result.stderr
    assert "(3:08 of guidance)" in result.stdout  # 3 + 180 + 5 s
    slower = tmp_path / "slower.wav"
    args = ("--exercise", "full-press-up", "--reps", "5", "--speed", "slower")
    result = _guide(journal_dir, *args, "--out", str(slower))
    assert result.returncode == 0, result.stderr
    _wav, samples = _read(slower)
    assert len(samples) / 22050 == pytest.approx(3 + 5 * 10.5 + 5, abs=0.5)


def test_in_german_the_guide_is_spoken_in_german(tmp_path: Path, journal_dir: Path):
    english, german = tmp_path / "en.wav", tmp_path / "de.wav"
    args = ("--exercise", "baby-press-up", "--reps", "5")
    assert _guide(journal_dir, *args, "--out", str(english), LANGUAGE="en").returncode == 0
    result = _guide(journal_dir, *args, "--out", str(german), LANGUAGE="de")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{german} geschrieben (0:43 Anleitung)\n"
    _wav, spoken_en = _read(english)
    _wav, spoken_de = _read(german)
    assert len(spoken_en) == len(spoken_de)  # the same pace ...
    # ... other words: "Machen Sie sich bereit … los" is longer than "Get ready… start".
    start_en = np.flatnonzero(np.abs(_speech(spoken_en, 0.4, 3.0)) > 500)
    start_de = np.flatnonzero(np.abs(_speech(spoken_de, 0.4, 3.0)) > 500)
    assert start_de[-1] > start_en[-1]


def test_the_journals_settings_choose_german(tmp_path: Path, journal_dir: Path, clock):
    services = build_services(journal_dir, clock)
    services.preferences.save(Preferences(language="de"))
    services.close()
    target = tmp_path / "guide.wav"
    result = _guide(journal_dir, "--exercise", "nope", "--out", str(target), LANGUAGE="en")
    assert result.stderr.startswith("sciatica-journal: unbekannte Übung 'nope'"), result.stderr
    result = _guide(journal_dir, "--exercise", "prone-lying", "--out", str(target), LANGUAGE="en")
    assert result.stdout.endswith("geschrieben (3:08 Anleitung)\n"), result.stdout


def _bad_inputs(tmp_path: Path) -> list[tuple[tuple[str, ...], Path, str]]:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    folder_named_wav = tmp_path / "folder.wav"
    folder_named_wav.mkdir()
    out = tmp_path / "guide.wav"
    return [
        (("--exercise", "nope"), out, "unknown exercise 'nope' (one of: prone-lying,"),
        (("--exercise", "baby-press-up", "--reps", "11"), out, "11 repetitions is outside"),
        (("--exercise", "baby-press-up", "--reps", "4"), out, "(5–10)"),
        (("--exercise", "prone-lying", "--hold", "29"), out, "a hold of 29 seconds is outside"),
        (("--exercise", "prone-lying", "--hold", "601"), out, "(30–600 seconds)"),
        (("--exercise", "prone-lying", "--reps", "5"), out, "is held for a time"),
        (("--exercise", "baby-press-up", "--hold", "60"), out, "is counted in repetitions"),
        (("--exercise", "baby-press-up", "--reps", "5", "--hold", "60"), out, "not allowed with"),
        (("--exercise", "baby-press-up", "--reps", "five"), out, "invalid int value"),
        (("--exercise", "baby-press-up", "--speed", "quick"), out, "invalid choice: 'quick'"),
        (("--exercise", "baby-press-up"), tmp_path / "guide.mp3", "must be a .wav file"),
        (("--exercise", "baby-press-up"), tmp_path / "missing" / "g.wav", "does not exist"),
        (("--exercise", "baby-press-up"), a_file / "g.wav", "does not exist"),
        (("--exercise", "baby-press-up"), folder_named_wav, "it is a folder"),
    ]


def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, journal_dir: Path):
    work = tmp_path / "work"
    work.mkdir()
    for args, out, words in _bad_inputs(work):
        before = sorted(p.name for p in work.rglob("*"))
        result = _guide(journal_dir, *args, "--out", str(out))
        assert result.returncode == 2, (args, result.stdout)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, (args, result.stderr)
        assert lines[0].startswith("sciatica-journal: ") and words in lines[0], (args, lines)
        assert result.stdout == ""
        assert sorted(p.name for p in work.rglob("*")) == before, args


def test_an_unwritable_folder_gets_one_line_and_no_file(tmp_path: Path, journal_dir: Path):
    if os.geteuid() == 0:  # root writes into a 0500 folder; /proc refuses new files
        locked = Path("/proc")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
    target = locked / "guide.wav"
    result = _guide(journal_dir, "--exercise", "baby-press-up", "--out", str(target))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"sciatica-journal: cannot write {target}")
    assert not target.exists()
