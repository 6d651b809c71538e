"""peewee models of the journal. The schema itself is created by ``migrations/``;
a test checks that these models and the migrated schema agree column for column.

Times are text in UTC (``2026-11-24T05:34:03Z``) beside the IANA zone they were
recorded in, and the user's local date (``2026-11-24``) derived from the two.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

# Initialised by ``storage.database.open_journal``; nothing outside storage/ sees it.
# Transactions begin IMMEDIATE: a writer takes the write lock at once (waiting up to the
# busy timeout), so two writers never fail on a stale snapshot ("database is locked").
database = SqliteDatabase(None, lock_type="IMMEDIATE")


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Profile(BaseModel):
    """One row (id 1): who the user is and how they want the app to behave."""

    name = CharField(default="")
    birth_date = DateField(null=True)
    affected_side = CharField(default="right")
    target_min = IntegerField(default=5)
    target_max = IntegerField(default=8)
    waking_start = CharField(default="07:00")
    waking_end = CharField(default="22:00")
    reminders_enabled = BooleanField(default=False)
    starting_rung = CharField(default="prone-lying")
    disclaimer_accepted_at = CharField(null=True)
    zone = CharField(default="UTC")
    updated_at = CharField()


class SymptomMap(BaseModel):
    uuid = CharField(unique=True)
    recorded_at = CharField(index=True)
    zone = CharField()
    local_date = CharField(index=True)
    context = CharField()  # "check-in", "before" or "after"
    note = TextField(default="")


class SymptomMark(BaseModel):
    symptom_map = ForeignKeyField(SymptomMap, backref="marks", on_delete="CASCADE")
    region = CharField()
    kind = CharField()
    intensity = IntegerField()

    class Meta:
        indexes = ((("symptom_map", "region", "kind"), True),)


class ExerciseSession(BaseModel):
    uuid = CharField(unique=True)
    rung = CharField()
    started_at = CharField(index=True)
    ended_at = CharField()
    zone = CharField()
    local_date = CharField(index=True)
    back_pain_before = IntegerField()
    leg_pain_before = IntegerField()
    back_pain_after = IntegerField(null=True)
    leg_pain_after = IntegerField(null=True)
    outcome = CharField()
    reps_done = IntegerField(null=True)
    hold_seconds = IntegerField(null=True)
    range_reached = CharField(null=True)
    pelvis_stayed_down = BooleanField(null=True)
    stopped_for_pain = BooleanField(default=False)
    map_before = ForeignKeyField(SymptomMap, null=True, on_delete="SET NULL", backref="+")
    map_after = ForeignKeyField(SymptomMap, null=True, on_delete="SET NULL", backref="+")
    note = TextField(default="")
    updated_at = CharField()


class RedFlagScreen(BaseModel):
    uuid = CharField(unique=True)
    answered_at = CharField(index=True)
    zone = CharField()
    local_date = CharField(index=True)
    trigger = CharField()  # "daily", "saddle", "both-legs"
    result = CharField()  # "clear", "contact-doctor", "urgent"
    session = ForeignKeyField(ExerciseSession, null=True, on_delete="SET NULL", backref="screens")


class RedFlagAnswer(BaseModel):
    screen = ForeignKeyField(RedFlagScreen, backref="answers", on_delete="CASCADE")
    question = CharField()
    answer = BooleanField()

    class Meta:
        indexes = ((("screen", "question"), True),)


class JournalNote(BaseModel):
    uuid = CharField(unique=True)
    written_at = CharField(index=True)
    zone = CharField()
    local_date = CharField(index=True)
    text = TextField()


class AppState(BaseModel):
    """Small facts the app keeps about itself (e.g. when the last backup was taken)."""

    key = CharField(primary_key=True)
    value = TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Profile,
    SymptomMap,
    SymptomMark,
    ExerciseSession,
    RedFlagScreen,
    RedFlagAnswer,
    JournalNote,
    AppState,
)
