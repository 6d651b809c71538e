"""A generated journal of many years, for tests and benchmarks: a long, plausible course.

The story, in the spirit of the 8-week demo (``services.demo_journal``) but over years: the
journal opens in an acute episode with symptoms down to the toes that centralize over
some ten weeks while the user climbs the ladder; then quiet stretches with back pain only
(sometimes nothing at all) alternate with flare-ups, every several months, in which the
symptoms spread down the leg — to the foot in the bad ones — and retreat over weeks,
the user stepping back down the ladder and up again. Some flares stall and are worked
through with overpressure. One reaches the other leg (the both-legs red-flag screen).

Sessions fall in the profile's waking hours, in the clock's zone (wall-clock times, so
DST days are right), 5-8 on a typical day within ``sessions_per_day``, with days off,
holidays with fewer sessions, and weeks of illness with none (``gaps=False`` removes
them: every day then has the same number of sessions). Each session's outcome is
computed with the real rule (``domain.outcome.session_outcome``) from the generated
pains and maps; a few spread further down, hurt more or are stopped for pain, and the
rest of that day steps one rung down (rule 5). The first session of each day carries
the daily red-flag screening — clear, except "contact your doctor" after an illness and
one urgent screening in a bad flare, after which that day has no sessions. Some evenings
have a symptom check-in of their own.

Deterministic for a given seed, clock and zone. Rows go in through ``storage.bulk_store``
in one transaction: 10 years take a few seconds.
"""

from sciatica_journal.synthetic.years import SEED, generate_years

__all__ = ["SEED", "generate_years"]
