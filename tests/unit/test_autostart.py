"""The login start: an XDG autostart entry in $XDG_CONFIG_HOME/autostart, written and
removed; other platforms say it is not available."""

from __future__ import annotations

from sciatica_journal.services.autostart import Autostart, exec_word


def test_the_entry_is_written_with_background_and_removed(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    autostart = Autostart(
        ["/opt/my apps/python", "-m", "sciatica_journal"], environ=env, platform="linux"
    )
    assert autostart.supported
    assert autostart.apply(True)
    text = autostart.path.read_text()
    assert autostart.path == tmp_path / "cfg" / "autostart" / "sciatica-journal.desktop"
    assert 'Exec="/opt/my apps/python" -m sciatica_journal --background' in text
    assert "Type=Application" in text and autostart.enabled()
    assert autostart.apply(False)
    assert not autostart.path.exists()


def test_another_programs_file_of_that_name_is_left_alone(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    autostart = Autostart(["prog"], environ=env, platform="linux")
    autostart.path.parent.mkdir(parents=True)
    autostart.path.write_text("[Desktop Entry]\nExec=something-else\n")
    autostart.apply(False)
    assert autostart.path.exists()


def test_unsupported_platforms_and_the_demo_write_nothing(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    windows = Autostart(["prog"], environ=env, platform="win32")
    assert not windows.supported and not windows.apply(True)
    assert "not available" in windows.unsupported_reason()
    demo = Autostart(None, environ=env, platform="linux")
    assert not demo.supported and not demo.apply(True)
    assert not (tmp_path / "autostart").exists()


def test_exec_words_are_quoted_as_the_specification_asks():
    assert exec_word("plain") == "plain"
    assert exec_word("50%") == "50%%"
    assert exec_word('a "b"') == '"a \\\\"b\\\\""'
