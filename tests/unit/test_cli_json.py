"""``summary --json`` prints its object through ``cli_json.dumps``: the same text, byte for
byte, as ``json.dumps(value, indent=2, ensure_ascii=False)``."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_journal import cli_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


def _standard(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_the_same_text_as_the_standard_library(value: Any) -> None:
    assert cli_json.dumps(value) == _standard(value)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[]], "d": [{}]},
        {'é ✓ \u2028 \x00 "q" \\': "ünïcode\n\t"},
        {"n": [0, -1, 2**70, 0.1, 1e300, -0.0, 5e-324, True, False, None]},
        {1: "an int key", None: "a None key", 2.5: "a float key", False: "a bool key"},
        {"nan": math.nan, "inf": [math.inf, -math.inf]},
    ],
)
def test_edge_values(value: Any) -> None:
    assert cli_json.dumps(value) == _standard(value)


def test_what_json_refuses_it_refuses_the_same_way() -> None:
    with pytest.raises(TypeError):
        cli_json.dumps({"a": {1, 2}})
