"""peewee models of the journal. The schema itself is created by ``migrations/``;
a test checks that these models and the migrated schema agree column for column.

Times are UTC instants (``2026-11-24T05:34:03Z``) beside the IANA zone they were
recorded in, and the user's local date (``2026-11-24``) derived from the two. Since
migration 0005 the journal keeps them compact (``codecs.py``): UUIDs as 16 bytes, times as
seconds, dates as day numbers, short names as codes of the journal's ``code`` table, a
map's marks packed in one blob; the fields read and compare as the texts above, so no
layer above storage sees the difference.

The models hold no database of their own. Each open journal (``storage.database.Journal``)
has its own connection, and a store binds the models to it while one of its methods runs
(``bound_to``); the binding belongs to the thread that made it. Used with no journal bound,
a model fails at once with ``NoJournalError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.shortcuts import ThreadSafeDatabaseMetadata

from sciatica_journal.storage import codes
from sciatica_journal.storage.codecs import (
    CodeField,
    DayField,
    MarksField,
    UtcField,
    UuidField,
)


class NoJournalError(RuntimeError):
    """A model was used with no journal bound to it (outside a store's method)."""


NO_JOURNAL_MESSAGE = (
    "no journal is bound to the models: query the journal through a store built on an "
    "open Journal (or inside Journal.bound())"
)


class _NoJournal(SqliteDatabase):
    """The models' database when no journal is bound: it never connects, so a query
    made outside a store fails with ``NoJournalError`` instead of reaching some file."""

    def __init__(self) -> None:
        super().__init__(None)

    def init(self, database: str | None, *args: Any, **kwargs: Any) -> None:
        if database is not None:
            raise NoJournalError(NO_JOURNAL_MESSAGE + " (the placeholder cannot be opened)")
        super().init(None, *args, **kwargs)

    def connect(self, reuse_if_open: bool = False) -> bool:
        raise NoJournalError(NO_JOURNAL_MESSAGE)

    def cursor(self, named_cursor: Any = None) -> Any:
        raise NoJournalError(NO_JOURNAL_MESSAGE)

    def execute_sql(self, sql: Any, params: Any = None) -> Any:
        raise NoJournalError(NO_JOURNAL_MESSAGE)


NO_JOURNAL = _NoJournal()


class BaseModel(Model):
    class Meta:
        database = NO_JOURNAL
        legacy_table_names = False
        # Which database a model uses is kept per thread: a worker thread that binds
        # another journal does not re-point the main thread's models.
        model_metadata_class = ThreadSafeDatabaseMetadata


class Profile(BaseModel):
    """One row (id 1): who the user is and how they want the app to behave."""

    id = AutoField()
    name = CharField(default="")
    birth_date = DateField(null=True)
    affected_side = CharField(default="right")
    target_min = IntegerField(default=5)
    target_max = IntegerField(default=8)
    waking_start = CharField(default="07:00")
    waking_end = CharField(default="22:00")
    reminders_enabled = BooleanField(default=False)
    starting_rung = CharField(default="")  # set when the profile is saved (the lowest rung)
    disclaimer_accepted_at = CharField(null=True)
    zone = CharField(default="UTC")
    updated_at = CharField()


class SymptomMap(BaseModel):
    """A symptom map with its marks packed in one column (``marks``: a tuple of (region,
    kind, intensity)) and its distal extent per leg, worked out when it was saved."""

    id = AutoField()
    uuid = UuidField()  # unique among check-ins (a partial index); a session's maps: by id
    recorded_at = UtcField()
    zone = CodeField(codes.ZONE)
    local_date = DayField()
    context = CodeField(codes.CONTEXT)  # "check-in", "before" or "after"
    note = TextField(default="")
    marks = MarksField(default=())
    left_extent = IntegerField(null=True)  # the lowest level marked on the left leg
    right_extent = IntegerField(null=True)


class ExerciseSession(BaseModel):
    id = AutoField()
    uuid = UuidField(unique=True)
    rung = CodeField(codes.RUNG)
    started_at = UtcField(index=True)
    ended_at = UtcField()
    zone = CodeField(codes.ZONE)
    local_date = DayField(index=True)
    back_pain_before = IntegerField()
    leg_pain_before = IntegerField()
    back_pain_after = IntegerField(null=True)
    leg_pain_after = IntegerField(null=True)
    outcome = CodeField(codes.OUTCOME)
    reps_done = IntegerField(null=True)
    hold_seconds = IntegerField(null=True)
    range_reached = CodeField(codes.RANGE, null=True)
    pelvis_stayed_down = BooleanField(null=True)
    stopped_for_pain = BooleanField(default=False)
    map_before = ForeignKeyField(SymptomMap, null=True, on_delete="SET NULL", backref="+")
    map_after = ForeignKeyField(SymptomMap, null=True, on_delete="SET NULL", backref="+")
    note = TextField(default="")
    updated_at = UtcField()
    planned = IntegerField(null=True)  # reps or seconds planned (migration 0002)
    # Chosen against the advice after a warning (migration 0003); NULL: not known (older).
    against_advice = BooleanField(null=True, default=False)


class RedFlagScreen(BaseModel):
    id = AutoField()
    uuid = UuidField(unique=True)
    answered_at = UtcField(index=True)
    zone = CodeField(codes.ZONE)
    local_date = DayField(index=True)
    trigger = CodeField(codes.TRIGGER)  # "daily", "saddle", "both-legs"
    result = CodeField(codes.RESULT)  # "clear", "contact-doctor", "urgent"
    session = ForeignKeyField(ExerciseSession, null=True, on_delete="SET NULL", backref="screens")


class RedFlagAnswer(BaseModel):
    id = AutoField()
    screen = ForeignKeyField(RedFlagScreen, backref="answers", on_delete="CASCADE")
    question = CodeField(codes.QUESTION)
    answer = BooleanField()

    class Meta:
        indexes = ((("screen", "question"), True),)


class JournalNote(BaseModel):
    id = AutoField()
    uuid = UuidField(unique=True)
    written_at = UtcField(index=True)
    zone = CodeField(codes.ZONE)
    local_date = DayField(index=True)
    text = TextField()


class MeasureResponse(BaseModel):
    """One weekly measure answered once (migration 0004; domain/measure_results.py)."""

    id = AutoField()
    uuid = UuidField(unique=True)
    measure = CodeField(codes.MEASURE, index=True)  # "sbi", "psfs", "pgic"
    answered_at = UtcField(index=True)
    zone = CodeField(codes.ZONE)
    local_date = DayField(index=True)


class MeasureAnswer(BaseModel):
    id = AutoField()
    response = ForeignKeyField(MeasureResponse, backref="answers", on_delete="CASCADE")
    item = CodeField(codes.ITEM)  # the item's code; PSFS: "activity-<n>"
    value = IntegerField()
    activity = CharField(null=True)  # PSFS: the activity's name

    class Meta:
        indexes = ((("response", "item"), True),)


class Code(BaseModel):
    """The journal's codes (``codes.py``): the number ``value`` stands for ``name``."""

    category = CharField()
    name = CharField()
    value = IntegerField()

    class Meta:
        primary_key = CompositeKey("category", "name")
        without_rowid = True
        indexes = ((("category", "value"), True),)


class AppState(BaseModel):
    """Small facts the app keeps about itself (e.g. when the last backup was taken)."""

    key = CharField(primary_key=True)
    value = TextField()


# The keys of AppState the app writes.
RED_FLAGS_PENDING = "red_flags_pending"  # value: the trigger of the questions due
PROFILE_COMPLETED = "profile_completed"  # value: "1" once the profile was set up


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Profile,
    SymptomMap,
    ExerciseSession,
    RedFlagScreen,
    RedFlagAnswer,
    JournalNote,
    MeasureResponse,
    MeasureAnswer,
    AppState,
    Code,
)


@contextmanager
def bound_to(database: SqliteDatabase) -> Iterator[None]:
    """The models run their queries on ``database`` (in this thread) until the block ends,
    then on whatever they used before. Nested blocks on the same database cost nothing."""
    if Profile._meta.database is database:
        yield
        return
    # Every model is in the list, so references need not be followed.
    with database.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False):
        yield
