"""Guarded choices (DESIGN §2.2 rule 10): a session records whether the user chose its
exercise against the advice (a higher rung than advised, or the rung that had just made
things worse), after being asked. NULL: not known (every session saved before this
migration), read as "not against the advice"."""

from peewee import BooleanField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("exercise_session", "against_advice", BooleanField(null=True)),
    )
