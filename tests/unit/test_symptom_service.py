"""Symptom check-ins: saved with time and note, refused when invalid, unknown regions kept."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.services.symptom_service import MapError, make_mark
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import Marks
from tests.builders import symptom_map


def test_a_check_in_is_saved_with_its_time_and_note(services):
    saved = services.symptoms.record_check_in(symptom_map("calf-left", "sole-left"), " sore ")
    latest = services.symptoms.latest()
    assert latest is not None and latest.uuid == saved.uuid
    assert latest.context == "check-in" and latest.note == "sore"
    assert latest.recorded_at == dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)
    assert {m.region for m in latest.symptoms.marks} == {"calf-left", "sole-left"}
    assert saved.red_flag_triggers == ()


def test_one_region_may_carry_several_kinds(services):
    symptoms = SymptomMap(
        (Mark("calf-left", SymptomKind.PAIN, 3), Mark("calf-left", SymptomKind.TINGLING, 1))
    )
    services.symptoms.record_check_in(symptoms)
    assert len(services.symptoms.latest().symptoms.marks) == 2


@pytest.mark.parametrize(
    ("kind", "intensity", "message"),
    [
        ("burning", 2, "symptom kind must be one of"),
        ("pain", 4, "intensity must be 1"),
        ("pain", 0, "intensity must be 1"),
        ("pain", True, "intensity must be 1"),
        ("pain", 2.0, "intensity must be 1"),
    ],
)
def test_bad_kind_or_intensity_is_refused(services, bound_models, kind, intensity, message):
    with pytest.raises(MapError, match=message):
        make_mark("calf-left", kind, intensity, services.catalog)
    bad = SymptomMap((Mark("calf-left", kind, intensity),))  # type: ignore[arg-type]
    with pytest.raises(MapError):
        services.symptoms.record_check_in(bad)
    assert models.SymptomMap.select().count() == 0


def test_an_unknown_region_is_refused_when_saving(services):
    with pytest.raises(MapError, match="unknown body region 'tail'"):
        services.symptoms.record_check_in(symptom_map("tail"))


def test_a_stored_map_with_a_region_no_longer_known_still_loads(services, bound_models):
    services.symptoms.record_check_in(symptom_map("calf-left"))
    stored = models.SymptomMap.get()
    models.SymptomMap.update(marks=Marks((*stored.marks, ("old-region", "pain", 2)))).execute()
    latest = services.symptoms.latest()
    assert {m.region for m in latest.symptoms.marks} == {"calf-left", "old-region"}
    lines = services.symptoms.reach_lines(latest.symptoms)
    assert lines[0] == "Left leg: down to the lower leg — below the knee"
    assert lines[-1] == "Marks on regions this version does not know: old-region"


def test_saving_the_saddle_or_both_legs_calls_for_red_flags(services):
    first = services.symptoms.record_check_in(symptom_map("calf-left"))
    assert first.red_flag_triggers == ()
    both = services.symptoms.record_check_in(symptom_map("calf-left", "calf-right", "saddle"))
    assert both.red_flag_triggers == (Trigger.SADDLE, Trigger.BOTH_LEGS)


def test_the_change_since_the_previous_map_in_words(services, clock):
    clock.moment = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)  # 08:00 in Berlin
    services.symptoms.record_check_in(symptom_map("sole-left", kind=SymptomKind.TINGLING))
    earlier = services.symptoms.latest()
    clock.moment = dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)
    lines = services.symptoms.change_lines(earlier, symptom_map("calf-left"))
    # Tingling in the foot before, pain in the calf now: the words name each kind.
    assert lines[0] == (
        "Left leg: since this morning, the tingling in your foot has gone; pain remains in "
        "your lower leg — a good sign"
    )
    assert lines[1] == "Right leg: still nothing marked"
