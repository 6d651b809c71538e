"""The codes of the FHIR export, read from ``resources/fhir_codes.toml`` (one table: the
external codes with where each was verified, and the app's own code systems)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sciatica_journal.paths import resource_path

CODES_FILE = "fhir_codes.toml"


class FhirCodesError(ValueError):
    """``fhir_codes.toml`` is missing or malformed (the app's own data is broken)."""


@dataclass(frozen=True)
class ExternalCode:
    system: str
    code: str
    display: str
    verified: tuple[str, ...]


@dataclass(frozen=True)
class FhirCodes:
    external: Mapping[str, ExternalCode]
    base: str  # the app's base URL, e.g. https://sciatica-journal.example/fhir
    app: Mapping[str, Mapping[str, str]]  # code system name -> code -> display
    _concepts: dict[tuple[str, str, str | None], dict[str, Any]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def system(self, name: str) -> str:
        """The URL of one of the app's code systems."""
        return f"{self.base}/CodeSystem/{name}"

    def canonical(self, kind: str, name: str) -> str:
        """The canonical URL of one of the app's definitions, e.g. a Questionnaire."""
        return f"{self.base}/{kind}/{name}"

    def coding(self, key: str) -> dict[str, Any]:
        """The Coding of an external code (``[external.KEY]``)."""
        found = self.external[key]
        return {"system": found.system, "code": found.code, "display": found.display}

    def app_coding(self, name: str, code: str, display: str | None = None) -> dict[str, Any]:
        """A Coding in one of the app's code systems; ``display`` from the table unless
        given (exercises and regions take theirs from the programme and the catalog)."""
        if display is None:
            display = self.app[name][code]
        return {"system": self.system(name), "code": code, "display": display}

    def concept(self, name: str, code: str, display: str | None = None) -> dict[str, Any]:
        """A CodeableConcept of the app's codes. The same one is handed out for the same
        code (ten years hold three quarters of a million of them): never change it."""
        key = (name, code, display)
        made = self._concepts.get(key)
        if made is None:
            coding = self.app_coding(name, code, display)
            made = self._concepts[key] = {"coding": [coding], "text": coding["display"]}
        return made


def load_codes(path: Path | None = None) -> FhirCodes:
    path = path or resource_path(CODES_FILE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FhirCodesError(f"{CODES_FILE}: {exc}") from exc
    return parse_codes(data)


def parse_codes(data: Mapping[str, Any]) -> FhirCodes:
    if data.get("schema") != 1:
        raise FhirCodesError(f"{CODES_FILE}: 'schema' must be 1")
    external: dict[str, ExternalCode] = {}
    for key, table in _table(data, "external").items():
        fields = {name: table.get(name) for name in ("system", "code", "display")}
        verified = table.get("verified")
        if not all(isinstance(v, str) and v for v in fields.values()):
            raise FhirCodesError(f"{CODES_FILE}: external.{key} needs system, code and display")
        if not isinstance(verified, list) or not verified:
            raise FhirCodesError(f"{CODES_FILE}: external.{key} needs where it was verified")
        external[key] = ExternalCode(verified=tuple(str(v) for v in verified), **fields)
    app = dict(_table(data, "app"))
    base = app.pop("base", None)
    if not isinstance(base, str) or not base.startswith("https://"):
        raise FhirCodesError(f"{CODES_FILE}: app.base must be an https URL")
    systems: dict[str, dict[str, str]] = {}
    for name, codes in app.items():
        if not isinstance(codes, Mapping) or not all(isinstance(v, str) for v in codes.values()):
            raise FhirCodesError(f"{CODES_FILE}: app.{name} must map codes to display texts")
        systems[name] = dict(codes)
    return FhirCodes(external=external, base=base.rstrip("/"), app=systems)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    table = data.get(key)
    if not isinstance(table, Mapping):
        raise FhirCodesError(f"{CODES_FILE}: '{key}' must be a table")
    return table
