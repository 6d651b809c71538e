"""Render the app icon (resources/icons/sciatica-journal.svg) as PNGs at the standard sizes.

    python -m sciatica_journal.icons_build        # write resources/icons/hicolor/NxN/apps/*.png
    python -m sciatica_journal.icons_build --check   # exit 1 when a PNG is missing or out of date

The PNGs are committed (desktops without SVG support and app stores want them); `make icons`
runs this, and tests/e2e/test_install_metadata.py runs the check. A development tool:
nothing in the app imports it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from sciatica_journal.paths import data_path

ICONS = data_path("resources", "icons")
SOURCE = ICONS / "sciatica-journal.svg"
NAME = "sciatica-journal"
SIZES = (16, 24, 32, 48, 64, 128, 256)
# A later Qt may round an edge pixel differently: that is not a stale icon.
TOLERANCE = 4  # of 255, in any channel


def png_path(size: int) -> Path:
    """Where the icon of ``size`` pixels goes (the freedesktop hicolor theme's layout)."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def pixels(image: QImage) -> np.ndarray:
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = converted.width(), converted.height()
    raw = np.frombuffer(bytes(converted.constBits()), dtype=np.uint8)
    rows = raw.reshape(height, converted.bytesPerLine())
    return rows[:, : width * 4].astype(np.int16)


def differs(expected: QImage, path: Path) -> str | None:
    """Why the PNG at ``path`` is not the fresh render, or None when it is."""
    if not path.is_file():
        return "missing"
    found = QImage(str(path))
    if found.isNull():
        return "not a readable PNG"
    if found.size() != expected.size():
        return f"{found.width()}x{found.height()}, not {expected.width()}x{expected.height()}"
    worst = int(np.abs(pixels(found) - pixels(expected)).max())
    return None if worst <= TOLERANCE else f"differs from the SVG (by up to {worst}/255)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    stale: list[str] = []
    for size in SIZES:
        image = render(renderer, size)
        path = png_path(size)
        problem = differs(image, path)
        if problem is None:
            continue
        if args.check:
            stale.append(f"{path.relative_to(ICONS.parent.parent)}: {problem}")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), b"PNG"):
            print(f"render_icons: cannot write {path}", file=sys.stderr)
            return 1
        print(f"wrote {path.relative_to(ICONS.parent.parent)}")
    for line in stale:
        print(f"render_icons: {line} (run `make icons`)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
