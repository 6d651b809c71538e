"""The whole GUI crawled in a real X server (Xvfb, xcb), at several screen sizes (DESIGN §7).

Each case starts its own Xvfb and runs ``tests/e2e/crawl_driver.py`` as a subprocess on the
demo journal or on an empty (first-run) journal. Offscreen tests did not catch a segfault in
Report → Preview, nor windows and buttons off a small screen; this does.

Keep the JSON reports: CRAWL_REPORT_DIR=/tmp/crawl .venv/bin/pytest tests/e2e/test_crawl.py
One case by hand (from the repository root, with Xvfb running on :99):
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python -m tests.e2e.crawl_driver --demo \
        --report /tmp/crawl.json
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REPORT_DIR_ENV = "CRAWL_REPORT_DIR"  # set it to keep each case's JSON report there
CRAWL_TIMEOUT = 240  # seconds for one case (it takes ~20 s on a 2-core machine)

CASES = [
    pytest.param("demo", "1024x600", 1, "system", id="demo-1024x600"),
    pytest.param("demo", "1366x768", 1, "system", id="demo-1366x768"),
    pytest.param("demo", "1920x1080", 1, "system", id="demo-1920x1080"),
    pytest.param("demo", "1920x1080", 2, "system", id="demo-1920x1080@2x"),
    pytest.param("first-run", "1024x600", 1, "system", id="first-run-1024x600"),
    pytest.param("first-run", "1920x1080", 2, "system", id="first-run-1920x1080@2x"),
    # Dark chosen at the start: every page, menu, dialog and wizard step, with the
    # contrast of each text checked as drawn (tests/contrast.py).
    pytest.param("demo", "1024x600", 1, "dark", id="demo-1024x600-dark"),
    # A journal an older version wrote (schema 0004): the window that says it is being
    # updated comes first, then the whole crawl on the updated journal.
    pytest.param("older", "1024x600", 1, "system", id="older-journal-1024x600"),
]


def _older_journal(folder: Path, tmp: Path) -> None:
    """The demo journal as the version before the compact format (schema 0004) wrote it."""
    from sciatica_journal.paths import DATABASE_FILE_NAME, prepare_data_dir
    from sciatica_journal.services.container import build_services
    from sciatica_journal.services.demo_journal import generate_demo
    from tests.old_journals import write_old_journal

    source = prepare_data_dir(tmp / "source")
    services = build_services(source)
    try:
        generate_demo(services)
        document = services.transfer.journal_document()
    finally:
        services.close()
    prepare_data_dir(folder)
    write_old_journal(
        folder / DATABASE_FILE_NAME, document, source / DATABASE_FILE_NAME, tmp, count=4
    )


def _free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :199")


class Xvfb:
    def __init__(self, size: str, log: Path) -> None:
        self.size = size
        self.log = log
        self.display = -1
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        for _attempt in range(5):  # another process may take the same number meanwhile
            n = _free_display()
            with self.log.open("wb") as log:
                proc = subprocess.Popen(
                    ["Xvfb", f":{n}", "-screen", "0", f"{self.size}x24", "-nolisten", "tcp"],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            socket = Path(f"/tmp/.X11-unix/X{n}")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and proc.poll() is None and not socket.exists():
                time.sleep(0.05)
            if proc.poll() is None and socket.exists():
                self.display, self.proc = n, proc
                return
            proc.kill()
            proc.wait()
        raise RuntimeError(f"Xvfb did not start: {self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def xvfb(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Xvfb]:
    if shutil.which("Xvfb") is None:
        message = "Xvfb is not installed (apt-get install xvfb xauth; `make test` does it)"
        if os.environ.get("CI"):
            pytest.fail(message + " - required under CI")
        pytest.skip(message)
    server = Xvfb(request.node.callspec.params["size"], tmp_path / "xvfb.log")
    server.start()
    yield server
    server.stop()


def _crawl_env(display: int, scale: int, runtime: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in (
        "QT_QPA_PLATFORM",  # `make test` sets offscreen
        "QT_SCALE_FACTOR",
        "QT_SCREEN_SCALE_FACTORS",
        "QT_AUTO_SCREEN_SCALE_FACTOR",
        "QT_ENABLE_HIGHDPI_SCALING",
        "SCIATICA_JOURNAL_EXIT_AFTER_PAINT",
        "WAYLAND_DISPLAY",
    ):
        env.pop(name, None)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime))
    # "Keep running in the background" writes an autostart entry: never in the real home.
    env["XDG_CONFIG_HOME"] = str(runtime / "config")
    if scale != 1:
        env["QT_SCALE_FACTOR"] = str(scale)
    return env


def _describe(report: dict, proc: subprocess.CompletedProcess[str], seconds: float) -> str:
    lines = []
    if proc.returncode < 0:
        try:
            name = signal.Signals(-proc.returncode).name
        except ValueError:
            name = f"signal {-proc.returncode}"
        steps = [ln for ln in proc.stderr.splitlines() if ln.startswith("crawl-step: ")]
        last = steps[-1].removeprefix("crawl-step: ") if steps else "(before the first step)"
        lines.append(f"CRASH: the app died of {name} during the step {last!r}")
    for failure in report.get("failures", []):
        where = f" {failure['window']!r}" if failure.get("window") else ""
        what = " ".join(str(failure["what"]).split())
        lines.append(f"[{failure['step']}]{where}: {what}")
    bad = [w for w in report.get("warnings", []) if not w.get("allowed")]
    if bad:
        lines.append(f"{len(bad)} Qt warnings (see the report's 'warnings')")
    if report.get("missing_names"):
        lines.append(f"accessible names not found: {report['missing_names']}")
    if not lines:
        lines.append(f"exit status {proc.returncode}")
    tail = "\n".join(proc.stderr.splitlines()[-25:])
    return (
        f"the GUI crawl failed (exit {proc.returncode}, {seconds:.1f} s):\n  "
        + "\n  ".join(lines)
        + f"\n--- last lines of its stderr ---\n{tail}"
    )


@pytest.mark.slow
@pytest.mark.parametrize(("journal", "size", "scale", "appearance"), CASES)
def test_the_whole_gui_works_and_fits_the_screen(
    xvfb: Xvfb,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    record_property,
    journal,
    size,
    scale,
    appearance,
):
    report_path = tmp_path / "crawl.json"
    where = ["--demo"] if journal == "demo" else ["--data-dir", str(tmp_path / "journal")]
    if journal == "older":
        _older_journal(tmp_path / "journal", tmp_path)
        where.append("--older")
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.e2e.crawl_driver",
            *where,
            "--report",
            str(report_path),
            "--appearance",
            appearance,
        ],
        cwd=REPO,
        env=_crawl_env(xvfb.display, scale, tmp_path / "runtime"),
        capture_output=True,
        text=True,
        timeout=CRAWL_TIMEOUT,
        check=False,
    )
    seconds = time.monotonic() - started
    report = json.loads(report_path.read_text("utf-8")) if report_path.exists() else {}
    steps = len(report.get("steps", []))
    rc = proc.returncode
    record_property("crawl_seconds", round(seconds, 1))
    print(
        f"crawl {journal} {size} x{scale} {appearance}: {seconds:.1f} s, {steps} steps, exit {rc}"
    )
    keep = os.environ.get(REPORT_DIR_ENV)
    if keep and report_path.exists():
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(report_path, Path(keep) / f"{request.node.callspec.id}.json")
    if rc != 0 or not report.get("reached_end"):
        pytest.fail(_describe(report, proc, seconds), pytrace=False)
