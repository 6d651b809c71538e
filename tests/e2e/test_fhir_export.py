"""``export --format fhir`` run as the real program: the Bundle validates with an
independent validator, its counts match the journal, the period and --with-identity are
kept, and bad input is one line, a non-zero exit and no file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sciatica_journal.domain.measure_results import Answer, activity_item
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from tests.builders import new_session, symptom_map
from tests.e2e.conftest import run
from tests.e2e.fhir_validation import validate_bundle
from tests.e2e.test_cli_verbs import one_line

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
DAYS = (dt.date(2026, 11, 18), dt.date(2026, 11, 20), dt.date(2026, 11, 23))


@pytest.fixture
def fhir_journal(tmp_path: Path, clock) -> Path:
    """Sessions on three days (one stopped for pain, without after-scores), a red-flag
    screening on each day, a check-in map, and the weekly measures on the first day (the
    baseline: SBI, PSFS) and the last (SBI, PSFS with one activity more, PGIC); the name and
    birth date set."""
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    profile = services.profiles.default_profile()
    services.profiles.save(
        type(profile)(
            **{**profile.__dict__, "name": "Erika Muster", "birth_date": dt.date(1970, 5, 4)}
        )
    )
    answers = {q.code: False for q in services.red_flags.questions}
    for index, day in enumerate(DAYS):
        start = dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)
        services.sessions.record(
            new_session(start, after=None if index == 0 else (3, 4), stopped=index == 0)
        )
        services.sessions.record(new_session(start + dt.timedelta(hours=4)))
        services.red_flags.record_screening(answers, Trigger.DAILY, at=start)
    services.symptoms.record_check_in(symptom_map("buttock-left", "calf-left"))
    sbi = [i.code for i in services.weekly.measures.measure("sbi").items]
    activities = ("Sitting through a meal", "Putting on socks", "Walking to the shop")
    for day, values, extra in ((DAYS[0], (5, 4, 2, 6), {}), (DAYS[2], (3, 3, 1, 4), {"pgic": 2})):
        named = activities[: 2 + bool(extra)]
        checked = {
            "sbi": tuple(Answer(c, v) for c, v in zip(sbi, values, strict=True)),
            "psfs": tuple(
                Answer(activity_item(n), values[0] + n, name) for n, name in enumerate(named, 1)
            ),
        }
        if extra:
            checked["pgic"] = (Answer("pgic-change", extra["pgic"]),)
        at = dt.datetime.combine(day, dt.time(18, 0), tzinfo=dt.UTC)
        services.weekly.record(checked, at=at)
    services.close()
    return folder


def _journal(folder: Path):
    services = build_services(folder)
    try:
        return services.stores.transfer.read_all()
    finally:
        services.close()


def _export(folder: Path, out: Path, *extra: str) -> dict:
    result = run("--data-dir", str(folder), "export", "--format", "fhir", "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    return json.loads(out.read_text(encoding="utf-8"))


def _of(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_validates_and_its_counts_match_the_journal(fhir_journal: Path, tmp_path):
    bundle = _export(fhir_journal, tmp_path / "clinic.json")
    counts = validate_bundle(bundle)
    journal = _journal(fhir_journal)
    scores = sum(
        v is not None
        for s in journal.sessions
        for v in (s.back_pain_before, s.leg_pain_before, s.back_pain_after, s.leg_pain_after)
    )
    maps = len(journal.check_ins) + sum(
        (s.map_before is not None) + (s.map_after is not None) for s in journal.sessions
    )
    observations = _of(bundle, "Observation")
    pain = [
        o
        for o in observations
        if o["code"]["coding"][0]
        == {
            "system": LOINC,
            "code": "72514-3",
            "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        }
    ]
    sessions = [o for o in observations if o["code"]["coding"][0]["code"] == "exercise-session"]
    map_obs = [o for o in observations if o["code"]["coding"][0]["code"] == "symptom-map"]
    assert len(pain) == scores == 6 * 4 - 2
    assert len(sessions) == len(journal.sessions) == 6
    assert len(map_obs) == maps == 13
    assert counts["Observation"] == len(pain) + len(sessions) + len(map_obs)
    assert len(journal.measures) == 5
    assert counts["QuestionnaireResponse"] == len(journal.screens) + len(journal.measures) == 8
    assert counts["Questionnaire"] == 1 + 3 and counts["Provenance"] == 1
    assert "Patient" not in counts  # the name only when asked for
    assert "Erika" not in json.dumps(bundle)
    # back and leg told apart by bodySite
    sites = {o["bodySite"]["coding"][0]["code"] for o in pain}
    assert sites == {"77568009", "61685007"}
    assert all(o["bodySite"]["coding"][0]["system"] == SNOMED for o in pain)
    assert all(0 <= o["valueInteger"] <= 10 for o in pain)
    # a session: its period, its exercise, reps and outcome; its scores and maps as members
    first = sessions[0]
    assert first["effectivePeriod"]["start"] < first["effectivePeriod"]["end"]
    assert first["valueCodeableConcept"]["coding"][0]["code"] == "baby-press-up"
    parts = {c["code"]["coding"][0]["code"]: c for c in first["component"]}
    assert parts["reps-done"]["valueInteger"] == 10
    assert (
        parts["outcome"]["valueCodeableConcept"]["coding"][0]["code"] == journal.sessions[0].outcome
    )
    assert len(first["hasMember"]) == 2 + 2  # no after-scores that day: 2 scores, 2 maps
    # the red-flag questions are the Questionnaire's; every resource is the patient's
    questionnaire = _of(bundle, "Questionnaire")[0]
    response = _of(bundle, "QuestionnaireResponse")[0]
    assert questionnaire["url"].endswith("/Questionnaire/red-flags")
    assert response["questionnaire"].startswith(questionnaire["url"])
    assert [i["linkId"] for i in response["item"]] == [i["linkId"] for i in questionnaire["item"]]
    provenance = _of(bundle, "Provenance")[0]
    targets = {t["reference"] for t in provenance["target"]}
    patient_data = [
        r
        for r in (e["resource"] for e in bundle["entry"])
        if r["resourceType"] in ("Observation", "QuestionnaireResponse")
    ]
    assert targets == {f"urn:uuid:{r['id']}" for r in patient_data}
    assert provenance["activity"]["coding"][0]["code"] == "patient-reported"


def test_each_measure_is_a_questionnaire_and_each_response_answers_it(fhir_journal: Path, tmp_path):
    bundle = _export(fhir_journal, tmp_path / "clinic.json")
    validate_bundle(bundle)
    journal = _journal(fhir_journal)
    base = "https://sciatica-journal.example/fhir/Questionnaire/"
    questionnaires = {q["url"].removeprefix(base): q for q in _of(bundle, "Questionnaire")}
    assert set(questionnaires) == {"red-flags", "sbi", "psfs", "pgic"}
    sbi = questionnaires["sbi"]
    assert sbi["title"] == "Sciatica Bothersomeness Index" and sbi["version"] == "1"
    assert [(i["linkId"], i["text"], i["type"]) for i in sbi["item"]] == [
        ("sbi-leg-pain", "Leg pain", "integer"),
        ("sbi-numbness", "Numbness or tingling in the leg, foot or groin", "integer"),
        ("sbi-weakness", "Weakness in the leg or foot", "integer"),
        ("sbi-sitting", "Back or leg pain while sitting", "integer"),
    ]
    assert "Patrick DL" in sbi["description"]
    psfs = questionnaires["psfs"]
    assert [i["linkId"] for i in psfs["item"]] == [f"activity-{n}" for n in range(1, 6)]
    assert [i["required"] for i in psfs["item"]] == [True, False, False, False, False]
    assert [i["linkId"] for i in questionnaires["pgic"]["item"]] == ["pgic-change"]
    by_id = {r["id"]: r for r in _of(bundle, "QuestionnaireResponse")}
    for answered in journal.measures:  # one QuestionnaireResponse per measure response
        response = by_id[answered.uuid]
        assert response["questionnaire"] == f"{base}{answered.measure}|1"
        assert response["authored"] == answered.answered_at
        assert response["status"] == "completed"
        defined = {i["linkId"]: i["text"] for i in questionnaires[answered.measure]["item"]}
        assert [
            (i["linkId"], i["text"], i["answer"][0]["valueInteger"]) for i in response["item"]
        ] == [(a.item, a.activity or defined[a.item], a.value) for a in answered.answers]
    latest_psfs = [r for r in journal.measures if r.measure == "psfs"][-1]
    items = by_id[latest_psfs.uuid]["item"]
    assert [i["text"] for i in items] == [
        "Sitting through a meal",
        "Putting on socks",
        "Walking to the shop",
    ]
    assert [i["answer"][0]["valueInteger"] for i in items] == [4, 5, 6]
    provenance = {t["reference"] for t in _of(bundle, "Provenance")[0]["target"]}
    assert {f"urn:uuid:{m.uuid}" for m in journal.measures} <= provenance


def test_every_external_code_is_in_the_one_table(fhir_journal: Path, tmp_path):
    import tomllib

    from sciatica_journal.paths import resource_path

    table = tomllib.loads(resource_path("fhir_codes.toml").read_text(encoding="utf-8"))
    listed = {(c["system"], c["code"]) for c in table["external"].values()}
    assert all(c["verified"] for c in table["external"].values())
    text = tmp_path / "clinic.json"
    bundle = _export(fhir_journal, text)
    used: set[tuple[str, str]] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            if "system" in node and "code" in node:
                used.add((node["system"], node["code"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(bundle)
    external = {(s, c) for s, c in used if not s.startswith(table["app"]["base"])}
    assert external == listed


def test_the_period_and_the_identity(fhir_journal: Path, tmp_path):
    bundle = _export(
        fhir_journal,
        tmp_path / "week.json",
        "--from",
        "2026-11-19",
        "--to",
        "2026-11-22",
        "--with-identity",
    )
    counts = validate_bundle(bundle)
    sessions = [
        o
        for o in _of(bundle, "Observation")
        if o["code"]["coding"][0]["code"] == "exercise-session"
    ]
    assert len(sessions) == 2
    assert all(o["effectivePeriod"]["start"].startswith("2026-11-20") for o in sessions)
    assert counts["QuestionnaireResponse"] == 1  # the screening; no measure in the period
    assert counts["Questionnaire"] == 4  # the questionnaires are always there
    assert counts["Patient"] == 1
    patient = _of(bundle, "Patient")[0]
    assert patient["name"] == [{"text": "Erika Muster"}]
    assert patient["birthDate"] == "1970-05-04"
    reference = f"urn:uuid:{patient['id']}"
    assert all(o["subject"]["reference"] == reference for o in _of(bundle, "Observation"))
    assert _of(bundle, "Provenance")[0]["agent"][0]["who"]["reference"] == reference


def test_the_demo_journal_validates(tmp_path):
    out = tmp_path / "demo.json"
    result = run("--demo", "export", "--format", "fhir", "--out", str(out))
    assert result.returncode == 0, result.stderr
    counts = validate_bundle(json.loads(out.read_text(encoding="utf-8")))
    assert counts["Observation"] > 100
    # The demo's weekly checks: 8 SBI, 8 PSFS and 7 PGIC responses (no screening was
    # answered in the demo); a Questionnaire for each measure and for the red flags.
    assert counts["QuestionnaireResponse"] == 23
    assert counts["Questionnaire"] == 4


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--out", "clinic.xml"], ["must be a .json file"]),
        (["--out", "/nonexistent/folder/clinic.json"], ["does not exist"]),
        (["--out", "/proc/clinic.json"], ["cannot write"]),
        (["--out", "OUT", "--from", "2026-02-30"], ["bad date '2026-02-30'"]),
        (["--out", "OUT", "--from", "2026-11-22", "--to", "2026-11-19"], ["is after --to"]),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(fhir_journal: Path, tmp_path, args, words):
    args = [str(tmp_path / "clinic.json") if a == "OUT" else a for a in args]
    before = sorted(tmp_path.iterdir())
    one_line(run("--data-dir", str(fhir_journal), "export", "--format", "fhir", *args), *words)
    assert sorted(tmp_path.iterdir()) == before
    assert not (tmp_path / "clinic.json").exists()


def test_the_fhir_options_belong_to_fhir(fhir_journal: Path, tmp_path):
    out = tmp_path / "journal.json"
    one_line(
        run(
            "--data-dir",
            str(fhir_journal),
            "export",
            "--format",
            "json",
            "--out",
            str(out),
            "--with-identity",
        ),
        "--format fhir",
    )
    assert not out.exists()


def test_a_period_without_entries_is_a_valid_bundle_of_the_questionnaires(
    fhir_journal: Path, tmp_path
):
    """Nothing the patient reported in the period: no Provenance (it would have no target,
    which FHIR does not allow), only the Questionnaires."""
    out = tmp_path / "empty.json"
    bundle = _export(fhir_journal, out, "--from", "2020-01-01", "--to", "2020-01-31")
    counts = validate_bundle(bundle)
    assert counts == {"Questionnaire": 4}
