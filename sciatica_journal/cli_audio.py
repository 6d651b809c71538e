"""The ``audio-guide`` verb: the spoken, paced guide of an exercise as a WAV file, to play
on a phone beside the mat (issue 13). In the language the journal's Settings name.

Every check comes before a sound is made: an unknown exercise, an amount outside the dose
or of the wrong kind, a file name that is not .wav, a folder that is missing or not
writable each give one line and a non-zero exit, and no file. The file is written
atomically (``services.file_writing``): it appears whole or not at all."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_journal.cli_errors import CommandError, writable_target
from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.pacing_plan import Speed

if TYPE_CHECKING:
    from sciatica_journal.services.container import Services

HELP = N_("write the spoken, paced guide of an exercise as a WAV file")


def arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--exercise", required=True, metavar="SLUG", help=_("the exercise, e.g. baby-press-up")
    )
    amount = sub.add_mutually_exclusive_group()
    amount.add_argument(
        "--reps", type=int, metavar="N", help=_("repetitions (press-ups); default: the dose's")
    )
    amount.add_argument(
        "--hold",
        type=int,
        metavar="SECONDS",
        help=_("seconds to hold (lying rungs); default: the dose's"),
    )
    sub.add_argument(
        "--speed",
        choices=[speed.value for speed in Speed],
        default=Speed.NORMAL.value,
        help=_("the pace of press-ups (default: normal)"),
    )
    sub.add_argument("--out", type=Path, required=True, metavar="FILE.wav")


def _check_target(path: Path) -> None:
    if path.suffix.lower() != ".wav":
        raise CommandError(
            _("the audio guide must be a .wav file, not {name}").format(name=path.name)
        )
    if path.is_dir():
        raise CommandError(_("cannot write {path}: it is a folder").format(path=path))
    writable_target(path)


def audio_guide(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.audio_guide import GuideError, guide_for, write_guide

    target: Path = args.out
    try:
        timeline = guide_for(
            services.program,
            args.exercise,
            reps=args.reps,
            seconds=args.hold,
            speed=Speed(args.speed),
        )
    except GuideError as exc:
        raise CommandError(str(exc)) from exc
    _check_target(target)
    try:
        written = write_guide(target.expanduser(), timeline)
    except OSError as exc:
        raise CommandError(
            _("cannot write {path}: {problem}").format(path=target, problem=exc.strerror or exc)
        ) from exc
    minutes, seconds = divmod(round(written.seconds), 60)
    done = _("wrote {path} ({time} of guidance)").format(
        path=target, time=f"{minutes}:{seconds:02d}"
    )
    if written.notice:
        done += " " + _("(tones only: {reason})").format(reason=written.notice)
    print(done)
    return 0
