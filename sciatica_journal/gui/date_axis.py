"""The charts' date axis: pyqtgraph's, with its month and weekday names and its day
numbers in the user's language; and, for charts stacked on one time axis, the ticks worked
out once for all of them (``SharedTicks``): the axes of the same range and length take the
first one's instead of each working through the calendar again on every repaint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import adjustTimestampToPreferredUtcOffset
from PySide6.QtGui import QFontMetricsF

from sciatica_journal.domain import language
from sciatica_journal.domain.language import p_

EPOCH = dt.datetime(1970, 1, 1)
_MONTH_WIDTHS: dict[tuple[str, str], float] = {}  # by font and language


class SharedTicks:
    """The ticks last worked out, for the range and length in pixels they were made for."""

    def __init__(self) -> None:
        self.key: tuple[float, float, float] | None = None
        self.found: tuple[Any, Any, Any] | None = None  # (values, zoom level, spacing)


class LocalDateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis, its month and weekday names and its day numbers in the
    user's language ("Dez.", "Mo. 7."): its own labels are strftime's, in English. Axes
    given the same ``shared`` ticks work them out once per range and length."""

    def __init__(self, shared: SharedTicks | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._text_level_limit = int(self.style["maxTextLevel"])  # as configured
        self._shared = shared
        self.major_only = False  # only the coarsest level of ticks (years over a decade)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
        values = self._tick_values(minVal, maxVal, size)
        values = values[:1] if self.major_only else values
        self.style["maxTextLevel"] = self._text_levels(values, minVal, maxVal, size)
        return values

    def setStyle(self, **kwds: Any) -> None:
        if "maxTextLevel" in kwds:
            self._text_level_limit = int(kwds["maxTextLevel"])
        super().setStyle(**kwds)

    def _text_levels(self, values: Any, low: float, high: float, size: float) -> int:
        """The last level of ticks that may get labels: the levels pyqtgraph would measure
        only to find them too crowded (the months over ten years: a hundred and twenty
        labels written and measured on every repaint) are not written. A level is left
        out when even the narrowest labels it could have, at half their width, would
        fill more of the axis than pyqtgraph allows any level (``textFillLimits``);
        the labels shown are the same."""
        always = [limit for texts, limit in self.style["textFillLimits"] if texts == 0]
        limit = self._text_level_limit
        if not always:
            return limit
        most = min(always)
        filled = 0.0
        for level, (spacing, ticks) in enumerate(values):
            inside = sum(1 for v in ticks if low < v < high)
            filled += inside * self._narrowest_label(spacing) * 0.5
            if level > 0 and filled >= most * size:
                return min(limit, level - 1)
        return limit

    def _narrowest_label(self, spacing: float) -> float:
        """The width of the narrowest label a level of ticks ``spacing`` apart can have."""
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        font = self.style["tickFont"] or self.font()
        metrics = QFontMetricsF(font)
        if spec is not None and spec.format == "%b":
            key = (font.toString(), language.code())
            if key not in _MONTH_WIDTHS:
                months = (language.month_short(dt.date(2000, m, 1)) for m in range(1, 13))
                _MONTH_WIDTHS[key] = min(metrics.horizontalAdvance(m) for m in months)
            return _MONTH_WIDTHS[key]
        return metrics.horizontalAdvance("1")  # any label has a character at least

    def _tick_values(self, minVal: float, maxVal: float, size: float) -> Any:
        shared = self._shared
        key = (float(minVal), float(maxVal), float(size))
        if shared is not None and shared.key == key and shared.found is not None:
            values, self.zoomLevel, self.minSpacing = shared.found
            return values
        values = super().tickValues(minVal, maxVal, size)
        if shared is not None:
            shared.key = key
            shared.found = (values, self.zoomLevel, self.minSpacing)
        return values

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        written = super().tickStrings(values, scale, spacing)
        if spec is None or spec.format not in _DATE_FORMATS:
            return list(written)  # years and clock times: digits only, the same everywhere
        write = _DATE_FORMATS[spec.format]
        return [
            write(self.local_date(value)) if text else text  # "": a date it cannot show
            for value, text in zip(values, written, strict=True)
        ]

    def local_date(self, value: float) -> dt.date:
        """The day a tick at ``value`` stands for, reckoned as pyqtgraph does."""
        local = adjustTimestampToPreferredUtcOffset(value, self.utcOffset)
        return (EPOCH + dt.timedelta(seconds=float(local))).date()


_DATE_FORMATS: dict[str, Callable[[dt.date], str]] = {
    "%b": language.month_short,
    "%d": lambda day: p_("date axis", "{day}").format(day=day.day),
    "%a %d": lambda day: p_("date axis", "{weekday_short} {day}").format(
        weekday_short=language.weekday_short(day), day=day.day
    ),
}
