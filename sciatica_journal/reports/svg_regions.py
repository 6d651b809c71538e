"""The region shapes of ``resources/body_map.svg`` as QPainterPaths.

Qt renders the whole drawing, but has no API to get one element's outline; the
app needs it to hit-test clicks and to paint marks exactly over a region. The
drawing therefore keeps to a subset this module reads: region elements are
``<path id="CODE" d="...">`` with the commands M L H V C S Q T Z (absolute or
relative, no arcs) and nothing in the file is transformed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

_TOKEN = re.compile(r"([MmLlHhVvCcSsQqTtZzAa])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


class SvgShapeError(ValueError):
    pass


def _tokens(d: str) -> list[str | float]:
    out: list[str | float] = []
    for command, number in _TOKEN.findall(d):
        if command:
            if command in "Aa":
                raise SvgShapeError("arcs are not supported in region paths")
            out.append(command)
        else:
            out.append(float(number))
    return out


def parse_path(d: str) -> QPainterPath:
    """Build a QPainterPath from SVG path data (the subset described above)."""
    path = QPainterPath()
    tokens = _tokens(d)
    i = 0
    command = ""
    cur = QPointF(0, 0)
    start = QPointF(0, 0)
    last_ctrl: QPointF | None = None  # for S/s and T/t reflections
    last_kind = ""
    while i < len(tokens):
        token = tokens[i]
        if isinstance(token, str):
            command = token
            i += 1
            if command in "Zz":
                path.closeSubpath()
                cur = QPointF(start)
                last_ctrl, last_kind = None, "Z"
                continue
        elif not command:
            raise SvgShapeError("path data starts with a number")
        upper = command.upper()
        n = _ARITY[upper]
        args = tokens[i : i + n]
        if len(args) < n or not all(isinstance(a, float) for a in args):
            raise SvgShapeError(f"command {command} has too few numbers")
        i += n
        nums = [float(a) for a in args]
        rel = command.islower()

        def pt(x: float, y: float, origin: QPointF = cur, rel: bool = rel) -> QPointF:
            return QPointF(origin.x() + x, origin.y() + y) if rel else QPointF(x, y)

        if upper == "M":
            cur = pt(nums[0], nums[1])
            start = QPointF(cur)
            path.moveTo(cur)
            command = "l" if rel else "L"  # further pairs are line-tos
            last_ctrl, last_kind = None, "M"
        elif upper == "L":
            cur = pt(nums[0], nums[1])
            path.lineTo(cur)
            last_ctrl, last_kind = None, "L"
        elif upper == "H":
            cur = QPointF(cur.x() + nums[0] if rel else nums[0], cur.y())
            path.lineTo(cur)
            last_ctrl, last_kind = None, "H"
        elif upper == "V":
            cur = QPointF(cur.x(), cur.y() + nums[0] if rel else nums[0])
            path.lineTo(cur)
            last_ctrl, last_kind = None, "V"
        elif upper == "C":
            c1, c2, end = pt(nums[0], nums[1]), pt(nums[2], nums[3]), pt(nums[4], nums[5])
            path.cubicTo(c1, c2, end)
            cur, last_ctrl, last_kind = end, c2, "C"
        elif upper == "S":
            c1 = (
                QPointF(2 * cur.x() - last_ctrl.x(), 2 * cur.y() - last_ctrl.y())
                if last_ctrl is not None and last_kind == "C"
                else QPointF(cur)
            )
            c2, end = pt(nums[0], nums[1]), pt(nums[2], nums[3])
            path.cubicTo(c1, c2, end)
            cur, last_ctrl, last_kind = end, c2, "C"
        elif upper == "Q":
            c, end = pt(nums[0], nums[1]), pt(nums[2], nums[3])
            path.quadTo(c, end)
            cur, last_ctrl, last_kind = end, c, "Q"
        elif upper == "T":
            c = (
                QPointF(2 * cur.x() - last_ctrl.x(), 2 * cur.y() - last_ctrl.y())
                if last_ctrl is not None and last_kind == "Q"
                else QPointF(cur)
            )
            end = pt(nums[0], nums[1])
            path.quadTo(c, end)
            cur, last_ctrl, last_kind = end, c, "Q"
    return path


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def region_paths(svg_file: Path, codes: Iterable[str]) -> dict[str, QPainterPath]:
    """The outline of every element whose id is one of ``codes`` (in viewBox units)."""
    wanted = set(codes)
    root = ET.parse(svg_file).getroot()
    shapes: dict[str, QPainterPath] = {}
    for element in root.iter():
        if element.get("transform") is not None:
            raise SvgShapeError(f"{svg_file.name}: transforms are not supported")
        code = element.get("id")
        if code in wanted:
            if _local(element.tag) != "path":
                raise SvgShapeError(f"{svg_file.name}: region {code} is not a <path>")
            shapes[code] = parse_path(element.get("d", ""))
    return shapes


def svg_ids(svg_file: Path) -> list[str]:
    root = ET.parse(svg_file).getroot()
    return [e.get("id", "") for e in root.iter() if e.get("id")]
