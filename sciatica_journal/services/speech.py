"""The voice of the guided set: text to speech, offline, through espeak-ng (docs/audio.md).

The library and its voice data come with the ``espeakng-loader`` wheel; this module calls
the library through ``ctypes`` in its synchronous mode, so each text becomes samples in
memory (16-bit mono at the library's rate, 22,050 Hz) and nothing is played here:
``audio_render`` mixes the words with the tones, ``audio_output`` plays them.

espeak-ng keeps one state per process (its voice, its rate), so one ``_Engine`` serves the
process behind a lock; ``open_voice(language)`` returns a ``Voice`` speaking that language
or raises ``VoiceUnavailable`` with a sentence for the user (no wheel on this platform, a
library that does not load, no voice for the language). Nothing here is loaded until a
voice is asked for: the window starts without it."""

from __future__ import annotations

import ctypes
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sciatica_journal.domain.language import _

log = logging.getLogger(__name__)

Samples = npt.NDArray[np.int16]

WORDS_PER_MINUTE = 150  # a little slower than espeak-ng's 175: heard from the floor
# The espeak-ng voice of each language the app speaks.
VOICES = {"en": "en", "de": "de"}

# From espeak-ng's speak_lib.h.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000  # report errors instead of ending the process
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_ENDPAUSE = 0x1000  # a short pause at the end of the text
_RATE = 1
_EE_OK = 0
_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class VoiceUnavailable(Exception):
    """No voice can speak here; the message is the reason, for a sentence around it."""


def _library_files() -> tuple[str, str]:
    """The espeak-ng library and the folder holding ``espeak-ng-data`` (the wheel's)."""
    try:
        import espeakng_loader
    except ImportError as exc:  # no wheel for this platform (see requirements.txt)
        raise VoiceUnavailable(_("no voice is installed on this computer")) from exc
    library = str(espeakng_loader.get_library_path())
    data = Path(str(espeakng_loader.get_data_path())).parent
    return library, str(data)


@dataclass
class _Engine:
    """The loaded library, one per process (espeak-ng has one global state)."""

    library: Any
    rate: int  # samples per second
    lock: threading.Lock = field(default_factory=threading.Lock)
    language: str | None = None
    chunks: list[bytes] = field(default_factory=list)
    callback: Any = None  # kept referenced while the library may call it

    def select(self, language: str) -> None:
        if self.language == language:
            return
        if self.library.espeak_SetVoiceByName(VOICES[language].encode()) != _EE_OK:
            raise VoiceUnavailable(_("there is no voice for this language"))
        self.library.espeak_SetParameter(_RATE, WORDS_PER_MINUTE, 0)
        self.language = language

    def synthesize(self, text: str) -> Samples:
        data = text.encode("utf-8")
        self.chunks.clear()
        status = self.library.espeak_Synth(
            data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8 | _ENDPAUSE, None, None
        )
        if status != _EE_OK:
            raise VoiceUnavailable(_("the voice could not speak"))
        pcm = b"".join(self.chunks)
        self.chunks.clear()
        return np.frombuffer(pcm, dtype=np.int16).copy()


class _Loaded:
    engine: _Engine | None = None
    failure: str | None = None
    lock = threading.Lock()


def _load_engine() -> _Engine:
    library_file, data_folder = _library_files()
    try:
        library = ctypes.CDLL(library_file)
    except OSError as exc:
        log.warning("espeak-ng does not load from %s: %s", library_file, exc)
        raise VoiceUnavailable(_("the voice could not be started")) from exc
    library.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    library.espeak_Initialize.restype = ctypes.c_int
    library.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    library.espeak_SetVoiceByName.restype = ctypes.c_int
    library.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    library.espeak_SetParameter.restype = ctypes.c_int
    library.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    library.espeak_SetSynthCallback.restype = None
    library.espeak_Synth.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    library.espeak_Synth.restype = ctypes.c_int
    rate = library.espeak_Initialize(
        _AUDIO_OUTPUT_SYNCHRONOUS, 0, data_folder.encode(), _INITIALIZE_DONT_EXIT
    )
    if rate <= 0:
        log.warning("espeak-ng did not start with its data in %s (%s)", data_folder, rate)
        raise VoiceUnavailable(_("the voice could not be started"))
    engine = _Engine(library=library, rate=rate)

    def collect(samples: Any, count: int, events: Any) -> int:
        if count > 0 and samples:
            engine.chunks.append(ctypes.string_at(samples, count * 2))
        return 0  # go on

    engine.callback = _CALLBACK(collect)
    library.espeak_SetSynthCallback(engine.callback)
    return engine


def _engine() -> _Engine:
    with _Loaded.lock:
        if _Loaded.engine is None:
            if _Loaded.failure is not None:
                raise VoiceUnavailable(_Loaded.failure)
            try:
                _Loaded.engine = _load_engine()
            except VoiceUnavailable as exc:
                _Loaded.failure = str(exc)
                raise
        return _Loaded.engine


@dataclass(frozen=True)
class Voice:
    """Speaks one language: ``say(text)`` is the samples of ``text`` at ``rate``."""

    language: str
    rate: int
    _engine: _Engine = field(repr=False)

    def say(self, text: str) -> Samples:
        with self._engine.lock:
            self._engine.select(self.language)
            return self._engine.synthesize(text)


def open_voice(language: str) -> Voice:
    """A voice for ``language`` ("en", "de"; another language speaks English). Raises
    ``VoiceUnavailable`` with a sentence for the user."""
    code = language if language in VOICES else "en"
    engine = _engine()
    with engine.lock:
        engine.select(code)
    return Voice(language=code, rate=engine.rate, _engine=engine)
