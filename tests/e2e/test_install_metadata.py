"""What a desktop and a software centre read about the app: the .desktop file, the AppStream
metainfo and the icons are valid, agree with each other and with the program."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sciatica_journal import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "sciatica-journal.desktop"
METAINFO = RESOURCES / "io.github.sciatica_journal.SciaticaJournal.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: `make dev` installs it (SYSTEM_PACKAGES in the Makefile)"
    return found


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def problems(output: str, *kinds: str) -> list[str]:
    """The validator's lines of the given kinds (e.g. 'E:', 'W:' for appstreamcli)."""
    return [line for line in output.splitlines() if line.strip().startswith(kinds)]


def test_appstreamcli_accepts_the_metainfo_without_warnings():
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert problems(output, "E:", "W:", "I:") == [], output


def test_an_installed_tree_is_consistent(tmp_path: Path):
    """The files where a package puts them: AppStream finds the .desktop file it launches
    and the icons."""
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(RESOURCES / "icons" / "hicolor", share / "icons" / "hicolor")
    result = subprocess.run(
        [tool("appstreamcli"), "validate-tree", "--no-net", "--no-color", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert problems(output, "E:", "W:") == [], output


def test_desktop_file_validate_accepts_the_desktop_file():
    result = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r": (error|warning): ", output), output


def test_the_desktop_file_metainfo_and_entry_point_agree():
    entry = desktop_entry()
    root = metainfo()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "gui-scripts"
    ]
    binary = root.findtext("provides/binary")
    assert entry["Exec"].split()[0] == binary
    assert binary in scripts and scripts[binary] == "sciatica_journal.cli:run"
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert METAINFO.name == f"{root.findtext('id')}.metainfo.xml"
    assert entry["Name"] == root.findtext("name") == APP_NAME
    assert entry["Comment"] == root.findtext("summary")
    categories = {c.text for c in root.iterfind("categories/category")}
    assert categories <= set(entry["Categories"].strip(";").split(";"))
    # The icon name is the file name of the SVG (the window's icon) and of every PNG.
    icon = entry["Icon"]
    assert (RESOURCES / "icons" / f"{icon}.svg").is_file()
    for size in ICON_SIZES:
        assert (
            RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{icon}.png"
        ).is_file()


def test_the_newest_release_is_this_version():
    releases = metainfo().findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == __version__


def test_the_description_says_nothing_leaves_the_computer():
    text = " ".join("".join(p.itertext()) for p in metainfo().iterfind("description/p"))
    text = " ".join(text.split())
    assert "never uses the network" in text
    assert "no telemetry" in text


def test_every_screenshot_is_a_file_in_docs_screenshots_of_its_stated_size():
    images = metainfo().findall("screenshots/screenshot/image")
    assert images
    for image in images:
        url = (image.text or "").strip()
        assert url.startswith("https://"), url
        relative = url.split("/docs/screenshots/", 1)[1]
        path = ROOT / "docs" / "screenshots" / relative
        assert path.is_file(), f"{url}: no {path.relative_to(ROOT)}"
        assert png_size(path) == (int(image.get("width", 0)), int(image.get("height", 0))), url


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_icon_has_its_size(size: int):
    path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "sciatica-journal.png"
    assert png_size(path) == (size, size)


def test_the_png_icons_are_renders_of_the_svg():
    result = subprocess.run(
        [sys.executable, "-m", "sciatica_journal.icons_build", "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
