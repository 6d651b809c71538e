"""resources/body_map.svg and the region catalog agree exactly, and the drawing keeps to
the subset the app parses (paths without arcs, nothing transformed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sciatica_journal.paths import resource_path
from sciatica_journal.reports.svg_regions import SvgShapeError, parse_path, region_paths, svg_ids
from sciatica_journal.services.program_loader import load_catalog

SVG = resource_path("body_map.svg")
CATALOG = load_catalog()
CODES = {r.code for r in CATALOG.regions}


def test_every_catalog_region_is_a_shape_and_nothing_else_claims_a_code():
    ids = svg_ids(SVG)
    region_ids = [i for i in ids if i in CODES]
    assert sorted(region_ids) == sorted(CODES)  # each exactly once
    assert len(region_ids) == len(set(region_ids))


def test_no_transforms_and_no_arcs():
    root = ET.parse(SVG).getroot()
    assert not [e for e in root.iter() if e.get("transform") is not None]
    shapes = region_paths(SVG, CODES)
    assert set(shapes) == CODES


def test_regions_sit_in_their_view_and_on_the_patients_side():
    root = ET.parse(SVG).getroot()
    width = float(root.get("viewBox").split()[2])
    shapes = region_paths(SVG, CODES)
    for region in CATALOG.regions:
        box = shapes[region.code].boundingRect()
        centre = box.center().x()
        in_back_half = centre < width / 2
        assert in_back_half == (region.view == "back"), region.code
        # Seen from behind the patient's left is on the viewer's left; from the front,
        # on the viewer's right.
        if region.side != "center":
            mirror = next(
                r
                for r in CATALOG.regions
                if r.code
                == region.code.rsplit("-", 1)[0]
                + "-"
                + ("right" if region.side == "left" else "left")
            )
            other = shapes[mirror.code].boundingRect().center().x()
            left_is_smaller_x = region.view == "back"
            if region.side == "left":
                assert (centre < other) == left_is_smaller_x, region.code


def test_regions_are_big_enough_to_click():
    for code, shape in region_paths(SVG, CODES).items():
        box = shape.boundingRect()
        assert min(box.width(), box.height()) >= 12, code


def test_left_and_right_are_labelled():
    texts = [
        "".join(e.itertext()) for e in ET.parse(SVG).getroot().iter() if e.tag.endswith("text")
    ]
    assert texts.count("Left") >= 2 and texts.count("Right") >= 2
    assert "Back" in texts and "Front" in texts


@pytest.mark.parametrize(
    ("d", "box"),
    [
        ("M10 10 L30 10 L30 20 Z", (10, 10, 20, 10)),
        ("m10 10 h20 v10 h-20 z", (10, 10, 20, 10)),
        ("M0 0 C0 10 10 10 10 0 S20 -10 20 0 Z", None),
        ("M0 0 Q5 10 10 0 T20 0 Z", None),
        ("M0,0 10,0 10,10", (0, 0, 10, 10)),  # implicit line-tos after a move
    ],
)
def test_path_data_parsing(d, box):
    path = parse_path(d)
    assert not path.isEmpty()
    if box is not None:
        rect = path.boundingRect()
        assert (rect.x(), rect.y(), rect.width(), rect.height()) == box


def test_arcs_are_refused():
    with pytest.raises(SvgShapeError, match="arcs"):
        parse_path("M0 0 A5 5 0 0 1 10 0")
