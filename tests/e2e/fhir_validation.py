"""Checking a FHIR export with an independent validator: the R4B models of
``fhir.resources`` (a test-time dependency only; the app never imports it)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle


def validate_bundle(bundle: dict[str, Any]) -> Counter[str]:
    """Validate the Bundle and every resource in it on its own; returns the resources by
    type. Raises the validator's error on the first invalid one."""
    assert bundle["resourceType"] == "Bundle"
    _no_empty_values(bundle)
    assert bundle["type"] == "collection"
    Bundle.parse_obj(bundle)
    counts: Counter[str] = Counter()
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).parse_obj(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        counts[resource["resourceType"]] += 1
    return counts


def _no_empty_values(node: Any, where: str = "Bundle") -> None:
    """FHIR's JSON rule the models do not check: no empty arrays, objects or strings
    (a Provenance with ``"target": []`` parses, but its target is 1..*)."""
    if isinstance(node, dict):
        assert node, f"empty object at {where}"
        for key, value in node.items():
            _no_empty_values(value, f"{where}.{key}")
    elif isinstance(node, list):
        assert node, f"empty array at {where}"
        for index, value in enumerate(node):
            _no_empty_values(value, f"{where}[{index}]")
    elif isinstance(node, str):
        assert node.strip(), f"empty string at {where}"
