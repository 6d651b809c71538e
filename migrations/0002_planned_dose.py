"""Honest doses (DESIGN §2.2 rule 9): a session keeps the dose that was planned beside
what was done: `planned` is the repetitions planned for a press-up rung, the seconds for
a hold; NULL where it is not known (every session saved before this migration)."""

from peewee import IntegerField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("exercise_session", "planned", IntegerField(null=True)),
    )
