"""The charts' date axis writes only the levels of labels it can show: over ten years it
no longer writes and measures a hundred and twenty month names on every repaint only to
find them too crowded, and the labels it shows are exactly pyqtgraph's, in English and in
German, for every period and width."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage, QPainter

from sciatica_journal.gui import date_axis
from sciatica_journal.gui.date_axis import LocalDateAxis
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.services import languages

END = dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC).timestamp()
SPANS = (3, 7, 30, 90, 120, 365, 3 * 365, 10 * 365, 30 * 365)  # days
WIDTHS = (240, 480, 980, 1600)  # px


@pytest.fixture(params=["en", "de"])
def language(request, qapp) -> Iterator[str]:
    languages.use_language(request.param)
    install_translators(qapp)
    yield request.param
    languages.use_language("en")
    install_translators(qapp)


def drawn_labels(axis: LocalDateAxis, start: float, width: int) -> list[str]:
    """The labels the axis draws for ``start``..``END`` across ``width`` pixels."""
    axis.setRange(start, END)
    axis.resize(width, axis.height())
    image = QImage(width + 50, 80, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in texts]


def every_level(monkeypatch) -> None:
    """pyqtgraph's own way: every level up to its limit written, then measured."""
    monkeypatch.setattr(
        date_axis.LocalDateAxis, "_text_levels", lambda self, *a: self._text_level_limit
    )


def test_labels_are_pyqtgraphs_for_every_period_and_width(qtbot, language, monkeypatch):
    plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(orientation="bottom")})
    qtbot.addWidget(plot)
    axis = plot.getAxis("bottom")
    ours = {
        (days, width): drawn_labels(axis, END - days * 86400, width)
        for days in SPANS
        for width in WIDTHS
    }
    every_level(monkeypatch)
    theirs = {
        (days, width): drawn_labels(axis, END - days * 86400, width)
        for days in SPANS
        for width in WIDTHS
    }
    assert ours == theirs
    assert any(len(labels) > 5 for labels in ours.values())  # labels were drawn
    if language == "de":
        assert "Dez." in ours[(90, 980)] or "Nov." in ours[(90, 980)], ours[(90, 980)]


def test_ten_years_do_not_write_the_month_names(qtbot, monkeypatch):
    plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(orientation="bottom")})
    qtbot.addWidget(plot)
    axis = plot.getAxis("bottom")
    written: list[int] = []
    original = LocalDateAxis.tickStrings

    def counting(self, values, scale, spacing):
        written.append(len(values))
        return original(self, values, scale, spacing)

    monkeypatch.setattr(LocalDateAxis, "tickStrings", counting)
    labels = drawn_labels(axis, END - 10 * 365 * 86400, 980)
    assert len(labels) >= 8 and all(text.isdigit() and len(text) == 4 for text in labels), labels
    assert sum(written) <= 12, written  # the years only: not the ~120 months as well
    written.clear()
    every_level(monkeypatch)
    assert drawn_labels(axis, END - 10 * 365 * 86400, 980) == labels
    assert sum(written) > 100, written  # what pyqtgraph alone writes and measures


def test_a_limit_set_on_the_axis_is_kept(qtbot):
    plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis(orientation="bottom")})
    qtbot.addWidget(plot)
    axis = plot.getAxis("bottom")
    axis.setStyle(maxTextLevel=0)  # the coarsest level of labels alone
    labels = drawn_labels(axis, END - 90 * 86400, 980)
    assert 0 < len(labels) <= 4, labels  # the months, not the days as well
