"""--background (how the login start runs the app): without the window, only when "Keep
running in the background" is on; it writes the XDG autostart entry in a temporary
XDG_CONFIG_HOME; a second start does not disturb it; SIGTERM ends it cleanly."""

from __future__ import annotations

import dataclasses
import signal

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.services.container import build_services
from tests.e2e.conftest import run, start, wait_for


def _keep_running(folder, clock):
    services = build_services(folder, clock)
    profile = services.profiles.profile()
    services.profiles.save(dataclasses.replace(profile, reminders_enabled=True))
    services.preferences.save(Preferences(run_in_background=True))
    services.close()


def test_background_does_nothing_while_the_setting_is_off(journal_dir, tmp_path):
    config = tmp_path / "config"
    done = run("--data-dir", str(journal_dir), "--background", XDG_CONFIG_HOME=str(config))
    assert done.returncode == 0
    assert "not running in the background" in done.stderr
    assert not (config / "autostart").exists()


def test_background_runs_without_a_window_and_sets_up_the_login_start(journal_dir, tmp_path, clock):
    _keep_running(journal_dir, clock)
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config), "HOME": str(tmp_path)}
    app = start("--data-dir", str(journal_dir), "--background", **env)
    try:
        wait_for(app, "running in the background")
        entry = (config / "autostart" / "sciatica-journal.desktop").read_text()
        assert "--background" in entry and str(journal_dir) in entry
        # At login again (or twice): it is running already, nothing is disturbed.
        again = run("--data-dir", str(journal_dir), "--background", **env)
        assert again.returncode == 0 and "already running" in again.stderr
        # An ordinary start asks the running app to show its window.
        shown = run("--data-dir", str(journal_dir), **env)
        assert shown.returncode == 0 and "come to the front" in shown.stderr
        assert app.poll() is None
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
    checked = run("--data-dir", str(journal_dir), "check")
    assert checked.returncode == 0, checked.stderr
