"""The records a programme (``domain.program``) is made of: the rungs of the ladder and
their doses and pictures, the rules' roles and thresholds, the red-flag advice and the
backups kept."""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_journal.domain.language import _
from sciatica_journal.domain.timekeeping import duration_words


@dataclass(frozen=True)
class Dose:
    """How much of an exercise a session holds: seconds or repetitions."""

    kind: str  # "hold" or "reps"
    default: int
    minimum: int
    maximum: int

    def describe(self) -> str:
        if self.kind == "hold":
            return _("hold {time}").format(time=duration_words(self.default))
        return _("{fewest}–{most} repetitions").format(fewest=self.minimum, most=self.maximum)


@dataclass(frozen=True)
class Pictures:
    """The picture pair of a rung: files in ``resources/exercises/`` and their captions."""

    correct: str  # file name, e.g. "baby-press-up-correct.svg"
    incorrect: str
    correct_cue: str  # what the correct picture shows, e.g. "pelvis stays down"
    incorrect_cue: str  # what goes wrong in the other, e.g. "pelvis lifts"


@dataclass(frozen=True)
class Rung:
    """One exercise of the ladder."""

    number: int  # 1 = lowest
    slug: str
    name: str
    clinical: str  # the clinical name, shown in brackets where a clinician reads
    summary: str
    dose: Dose
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    is_press_up: bool
    pictures: Pictures

    @property
    def label(self) -> str:
        """Its place on the ladder and its name, e.g. "3. Baby press-ups"."""
        return f"{self.number}. {self.name}"

    @property
    def clinical_name(self) -> str:
        """The name with the clinician's term, e.g. "Baby press-ups (partial prone press-up)"."""
        return f"{self.name} ({self.clinical})"


@dataclass(frozen=True)
class Roles:
    """The parts the rules (DESIGN §2.2) give to rungs, each by slug."""

    progress_up_to: str  # rule 6: up to this rung, good sessions step up to the next one
    goal: str  # rule 6: reached all the way up, pelvis down, without more pain: goal met
    overpressure: str  # rule 7: where stalled press-ups go
    stalling: tuple[str, ...]  # rule 7: the press-up rungs whose sessions count as a stall


@dataclass(frozen=True)
class Thresholds:
    """The numbers the clinical rules use (resources/program.toml)."""

    worse_pain_increase: int
    better_pain_decrease: int
    lowest_rung_failures_to_contact: int
    good_sessions_to_progress: int
    no_change_sessions_for_overpressure: int
    press_up_sessions_before_overpressure: int
    clinically_important_points: int
    clinically_important_percent: int
    mostly_centralizing_percent: int  # what each exercise did: "mostly centralizing" above it


@dataclass(frozen=True)
class RedFlagAdvice:
    """The wording of the screens after a "yes" (urgent, or contact the doctor)."""

    urgent_title: str
    urgent_text: str
    doctor_title: str
    doctor_text: str


@dataclass(frozen=True)
class BackupRetention:
    """How many scheduled backups are kept: the newest of each of the last N days, weeks
    and months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
