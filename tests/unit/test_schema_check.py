"""The hand-written schema checker answers as jsonschema does: the same documents accepted
and refused, and the same one-line message for the first problem, on the docs example, the
demo journal, the bad documents of the import tests and a seeded fuzz corpus."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sciatica_journal.paths import resource_path
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.transfer import SCHEMA_FILE, TransferError, TransferService
from sciatica_journal.services.transfer.schema_check import SchemaChecker, SchemaUnsupported
from sciatica_journal.services.transfer.schema_loading import load_schema, load_validator
from sciatica_journal.services.transfer.schema_messages import document_order, schema_message
from tests.unit.test_transfer import BAD_DOCUMENTS, _docs_example

SCHEMA = load_schema(resource_path(SCHEMA_FILE))  # references inlined, as the app checks
PUBLISHED = jsonschema.Draft202012Validator(SCHEMA)
CHECKER = load_validator(resource_path(SCHEMA_FILE))


def _first_problem(validator: Any, document: object) -> str | None:
    errors = list(validator.iter_errors(document))
    return schema_message(min(errors, key=document_order)) if errors else None


def _same_answer(document: object) -> str | None:
    expected = _first_problem(PUBLISHED, document)
    assert _first_problem(CHECKER, document) == expected
    return expected


# --- a fuzz corpus: documents changed at random places ------------------------------------

ODD_VALUES: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1,
    3,
    5.0,
    5.5,
    7,
    11,
    21,
    101,
    3601,
    1e308,
    "",
    "x",
    "Tail",
    "calf-right",
    "check-in",
    "abolished",
    "X" * 201,
    "2026-11-20T07:45:00Z",
    "2026-11-20T07:45:00Z\n",
    "2026-11-20 07:45:00",
    "2026-02-30",
    "07:00",
    "25:00",
    "Europe/Berlin",
    "e19a45fd-9e36-4834-84ae-8d30db720d11",
    "E19A45FD-9E36-4834-84AE-8D30DB720D1",
    {},
    [],
    [1, "a"],
    {"region": "calf-right", "kind": "pain", "intensity": 2},
)


def _places(node: object, where: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*where, index))
    return found


def _change(document: dict[str, Any], rng: random.Random) -> None:
    """One random change: a value replaced, a key removed or added, a list emptied, grown or
    given an odd item, a key renamed."""
    where = rng.choice(_places(document)[1:])
    parent: Any = document
    for key in where[:-1]:
        parent = parent[key]
    last = where[-1]
    action = rng.randrange(7)
    if action == 0 and isinstance(parent, dict):
        del parent[last]
    elif action == 1 and isinstance(parent, dict):
        parent[rng.choice(("mood", "Bad Key", "score", "saddle-numbness", ""))] = rng.choice(
            ODD_VALUES
        )
    elif action == 2 and isinstance(parent[last], list):
        parent[last] = [] if rng.random() < 0.5 else parent[last] * rng.randrange(2, 25)
    elif action == 3 and isinstance(parent[last], list):
        parent[last].append(copy.deepcopy(rng.choice(ODD_VALUES)))
    elif action == 4 and isinstance(parent, dict):
        parent[str(last).upper()] = parent.pop(last)
    else:
        parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))


def _fuzzed(base: dict[str, Any], seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    document = copy.deepcopy(base)
    for _ in range(rng.choice((1, 1, 2, 3, 5))):
        _change(document, rng)
    return document


# --- the tests ------------------------------------------------------------------------------


def test_the_docs_example_and_a_demo_export_are_accepted_by_both(services):
    assert _same_answer(_docs_example()) is None
    generate_demo(services)
    transfer = TransferService(
        services.program, services.catalog, services.clock, services.stores.transfer
    )
    document = json.loads(json.dumps(transfer.journal_document()))
    assert _same_answer(document) is None
    for seed in range(25):  # the demo journal, changed: many entries, problems anywhere
        _same_answer(_fuzzed(document, seed))


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_the_bad_documents_of_the_import_tests_get_the_same_answer(case):
    change, _expected = BAD_DOCUMENTS[case]
    document = _docs_example()
    change(document)
    _same_answer(document)


def test_a_fuzz_corpus_gets_the_same_answers_and_messages():
    refused = 0
    for seed in range(1500):
        refused += _same_answer(_fuzzed(_docs_example(), seed)) is not None
    assert 600 < refused < 1500  # both kinds are well represented


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (5.0, None),  # a whole number, in JSON Schema's sense
        (5.5, "sessions[0].pain.leg_before: expected a whole number, not 5.5"),
        (11.5, "sessions[0].pain.leg_before: expected a whole number, not 11.5"),
        (True, "sessions[0].pain.leg_before: expected a whole number, not true"),
        (11.0, "sessions[0].pain.leg_before: 11.0 is outside 0-10"),
    ],
)
def test_numbers_are_judged_as_json_schema_judges_them(value, message):
    document = _docs_example()
    document["sessions"][0]["pain"]["leg_before"] = value
    assert _same_answer(document) == message


def test_the_first_problem_in_document_order_is_named():
    document = _docs_example()
    document["notes"][0]["zone"] = 5
    document["sessions"][0]["pain"]["back_before"] = 12
    document["sessions"][0]["zone"] = 1
    document["check_ins"][0]["marks"][1]["intensity"] = 0
    assert _same_answer(document) == "check_ins[0].marks[1].intensity: 0 is outside 1-3"
    del document["check_ins"]
    assert _same_answer(document) == "check_ins: missing"


def test_red_flag_question_codes_and_measure_answers_are_checked_as_the_schema_says():
    document = _docs_example()
    document["red_flag_screens"][0]["answers"]["Saddle Numbness"] = "yes"
    assert _same_answer(document) == (
        "red_flag_screens[0].answers: 'Saddle Numbness' is not a question code like saddle-numbness"
    )
    document = _docs_example()
    document["measures"][0]["answers"] = document["measures"][0]["answers"] * 6
    assert _same_answer(document).startswith("measures[0].answers: [{'item': 'sbi-leg-pain'")


def test_the_published_schema_uses_only_keywords_the_checker_knows():
    published = json.loads(resource_path(SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    SchemaChecker(SCHEMA)  # raises SchemaUnsupported on a keyword it does not know
    with pytest.raises(SchemaUnsupported):
        SchemaChecker({**SCHEMA, "uniqueItems": True})


def test_a_schema_the_checker_cannot_use_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({"type": "object", "patternProperties": {}}), encoding="utf-8")
    with pytest.raises(TransferError, match="is unusable"):
        load_validator(path)


def test_an_import_is_checked_without_jsonschema(tmp_path: Path):
    """jsonschema is a test dependency only: the app's check never loads it."""
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(_docs_example()), encoding="utf-8")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from sciatica_journal.paths import prepare_data_dir\n"
        "from sciatica_journal.services.container import build_services\n"
        "from sciatica_journal.services.transfer.json_reading import read_json\n"
        "services = build_services(prepare_data_dir(Path(sys.argv[1])))\n"
        "services.transfer.check_document(read_json(Path(sys.argv[2])))\n"
        "services.close()\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema was loaded'\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "journal"), str(path)],
        check=True,
        timeout=120,
    )
