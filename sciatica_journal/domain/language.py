"""The language the app speaks: every user-visible text goes through here.

Texts are written in English in the code and marked for translation (``_``, ``n_`` for a
count, ``N_`` for a text kept in a table and translated where it is shown). The active
catalog is one per process, as the language is: ``install`` puts one in place (the
services load it from ``resources/locale``), and until then the English is used as
written. Pure Python: gettext from the standard library, no Qt.

Dates are written through ``long_date``, ``short_date`` and friends, so a weekday, a month
and their order follow the language (the month and day names are catalog texts too)."""

from __future__ import annotations

import datetime as dt
import gettext

ENGLISH = "en"


def N_(text: str) -> str:
    """Marks ``text`` for translation where it is defined; ``_`` translates it when shown."""
    return text


_WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
_WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
_MONTHS_SHORT = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


class _State:
    translations: gettext.NullTranslations = gettext.NullTranslations()
    code: str = ENGLISH


def install(code: str, translations: gettext.NullTranslations) -> None:
    """Speak ``code`` (e.g. "de") from now on, with ``translations`` as its catalog."""
    _State.translations = translations
    _State.code = code


def code() -> str:
    """The language spoken now ("en", "de")."""
    return _State.code


def _(text: str) -> str:
    """``text`` in the active language."""
    return _State.translations.gettext(text)


def n_(singular: str, plural: str, count: int) -> str:
    """The form of a text that goes with ``count`` (its ``{n}`` is not filled in)."""
    return _State.translations.ngettext(singular, plural, count)


def p_(context: str, text: str) -> str:
    """``text`` where the same English has other meanings (``context`` tells them apart)."""
    return _State.translations.pgettext(context, text)


# ---- dates and numbers --------------------------------------------------------------


def weekday(day: dt.date) -> str:
    return _(_WEEKDAYS[day.weekday()])


def weekday_short(day: dt.date) -> str:
    return _(_WEEKDAYS_SHORT[day.weekday()])


def month(day: dt.date) -> str:
    return _(_MONTHS[day.month - 1])


def month_short(day: dt.date) -> str:
    return _(_MONTHS_SHORT[day.month - 1])


def long_date(day: dt.date) -> str:
    """ "Tuesday 1 December 2026" / "Dienstag, 1. Dezember 2026"."""
    return _("{weekday} {day} {month} {year}").format(
        weekday=weekday(day), day=day.day, month=month(day), year=day.year
    )


def medium_date(day: dt.date) -> str:
    """ "Tue 1 Dec 2026" / "Di., 1. Dez. 2026"."""
    return _("{weekday_short} {day} {month_short} {year}").format(
        weekday_short=weekday_short(day), day=day.day, month_short=month_short(day), year=day.year
    )


def day_and_month(day: dt.date) -> str:
    """ "1 Dec" / "1. Dez."."""
    return _("{day} {month_short}").format(day=day.day, month_short=month_short(day))


def weekday_day_month(day: dt.date) -> str:
    """ "Tuesday 1 December" / "Dienstag, 1. Dezember"."""
    return _("{weekday} {day} {month}").format(weekday=weekday(day), day=day.day, month=month(day))


def clock_time(moment: dt.time | dt.datetime) -> str:
    """ "09:48" (24-hour in both languages)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def decimal(value: float, places: int = 1) -> str:
    """``value`` with the language's decimal mark: "3.5" / "3,5"."""
    text = f"{value:.{places}f}"
    return text.replace(".", p_("decimal mark", "."))
