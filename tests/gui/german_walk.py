"""What a German user sees, gathered from a window: every visible text (labels, buttons,
window titles, tooltips, status tips, accessible names and descriptions, placeholders,
list, combo, tree and table entries and headers, tabs, menus and their actions), and the
English left in it.

English is told two ways:

- by words no German screen uses (``ENGLISH``: common English words and the app's own
  vocabulary, leaving out the ones German shares, e.g. "also", "links", "Start", "Pause",
  "Timer", "Backup", "Import", "Export", "Symptom", "Region", "Name");
- by whole texts of the app's English source that German words differently: a message id
  of the catalogs (with its placeholders as wildcards) or a text of ``program.toml`` or
  ``body_regions.toml``, shown as it is written in English.

Proper names are allowed (``ALLOWED``): Sciatica Journal, McKenzie, PDF, A4, US-Letter,
"Red Flags" (the clinical term German physiotherapists use) and the name of the language
English written in itself (a language chooser shows each language in its own name)."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po
from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from sciatica_journal.paths import data_path

ENGLISH = frozenset(
    """the and your you of to with session sessions exercise exercises pain back leg legs
    save cancel next today yesterday tomorrow week weeks day days note notes from for this
    that not yet yes is are were be been have has had what when where how why it its on at
    before done left right lying press up down mild moderate severe numbness tingling
    map maps report reports entry entries edit delete undo redo open close quit help file
    files settings reminder reminders print preview period include paper range half
    full quarter repetition repetitions hold relax breathe better worse centralized
    peripheralized centralizing peripheralizing none nothing every only more less than then
    there here new last first one two three four five six seven eight nine ten saved scores
    score level levels stopped outcome advice summary check sort about again all always any
    anything away because being below between both but by can cannot could did does each
    either enough even ever everything few get give going good got great he her him his if
    into just keep know let like little look made make many might most much must my need
    never no now off often or other our out over own please should show since some
    something soon still such sure take tell their them these they thing those though
    through time times too try under until us use used very want way we well which while
    who whole would month months year years hour hours minutes second seconds ago
    morning evening night daily weekly hurts hurt stop count counted counter add remove
    finish lower upper slowly pelvis lift lifted stayed stay floor bed arms elbows shoulders
    straight toe toes heel ankle calf shin thigh buttock buttocks groin saddle knee foot
    feet outer inner front view diagram legend mark marked marks clear strength scale worst
    imaginable chart charts trend goal target aim reach reaches reached spread moved gone
    feel feeling step steps discard continue question questions answer answers doctor
    clinician therapist emergency urgent care seek contact warning warnings restore
    window screen hide search unknown error failed loading apply reset default automatic
    follow dark light language notification notifications background running tray missed
    paused red flag flags pace cue born age reason tips exit monday tuesday wednesday
    thursday friday saturday sunday january february march may june july october december
    calendar progress journal symptoms correct incorrect cautions caution
    overpressure rung rungs ladder baby prone prop""".split()  # noqa: SIM905
)
ALLOWED = (
    "Sciatica Journal",
    "Sciatica-Journal",
    "McKenzie",
    "US-Letter",
    "PDF",
    "A4",
    "Red Flags",
    "English",
)
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
TAG = re.compile(r"<[^>]+>|&nbsp;|&amp;|&lt;|&gt;")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
ROOT = Path(data_path("resources"))

# A file system path inside a text ("Sie liegen in /home/…/backups."): not the app's words.
PATH = re.compile(r"(?<![\w/])(?:[A-Za-z]:\\|/)[^\s<>()]*[^\s<>().,;:]")

FILE_NAME = re.compile(r"[\w.-]+\.(?:sqlite3|json|csv|pdf|png|wav|zip|txt|desktop)\b")


def english_words(text: str) -> list[str]:
    for name in ALLOWED:
        text = text.replace(name, " ")
    text = TAG.sub(" ", text).replace("&", "")
    text = PATH.sub(" ", text)  # a folder named in a sentence is the user's, not the app's
    text = FILE_NAME.sub(" ", text)  # so is a file's name ("journal-x.sqlite3")
    return [w for w in WORD.findall(text) if w.lower() in ENGLISH]


# ---- the app's English texts ---------------------------------------------------------


def _catalog_pairs() -> Iterator[tuple[str, str]]:
    """(English, German) for every text of the German catalogs."""
    for po in sorted((ROOT / "locale" / "de" / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale="de")
        for message in catalog:
            if not message.id:
                continue
            ids = (message.id,) if isinstance(message.id, str) else message.id
            strings = (message.string,) if isinstance(message.string, str) else message.string
            for english in ids:
                for german in strings:
                    yield english, german or ""


def _leaves(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _leaves(value)
    elif isinstance(data, list):
        for value in data:
            yield from _leaves(value)


def _data_pairs() -> Iterator[tuple[str, str]]:
    """(English, "") for each text of the programme, the body regions and the measures
    that their German variants do not repeat word for word."""
    for base in ("program", "body_regions", "measures"):
        english = tomllib.loads((ROOT / f"{base}.toml").read_text(encoding="utf-8"))
        german = tomllib.loads((ROOT / f"{base}.de.toml").read_text(encoding="utf-8"))
        same = set(_leaves(german))
        for text in _leaves(english):
            if text not in same:
                yield text, ""


def _fragments(text: str) -> list[str]:
    """The pieces of a text a reader takes as one: lines, table cells, list items."""
    plain = TAG.sub("\n", text.replace("&nbsp;", " ").replace("&amp;", "&"))
    return [piece.strip(" .:;·⚠✓✗•") for piece in plain.split("\n") if piece.strip()]


@functools.cache
def english_texts() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The app's English texts that German says otherwise: whole texts (of two words or
    more, or with an English word; none that German also shows), and patterns for those
    with placeholders (only where the words around them are English to the eye)."""
    whole: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    pairs = [*_catalog_pairs(), *_data_pairs()]
    german_pieces = {piece for _english, german in pairs for piece in _fragments(german)}
    for english, german in pairs:
        if english == german or not WORD.search(english):
            continue
        if PLACEHOLDER.search(english):
            literal = PLACEHOLDER.sub(" ", english)
            if not english_words(literal) or literal.strip() == PLACEHOLDER.sub(" ", german):
                continue
            parts = PLACEHOLDER.split(english.replace("&", ""))
            patterns.append(re.compile("(?:.+?)".join(re.escape(p) for p in parts)))
        else:
            for piece in _fragments(english.replace("&", "")):
                telling = len(WORD.findall(piece)) > 1 or english_words(piece)
                if telling and piece not in german_pieces:
                    whole.add(piece)
    return frozenset(whole), tuple(patterns)


def english_source(text: str) -> list[str]:
    """The pieces of ``text`` that are an English text of the app, shown untranslated."""
    whole, patterns = english_texts()
    found = []
    for piece in _fragments(text.replace("&&", "\0").replace("&", "").replace("\0", "&")):
        if piece in whole or any(p.fullmatch(piece) for p in patterns):
            found.append(piece)
    return found


# ---- gathering -----------------------------------------------------------------------

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


def _item_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list's model keeps its count private: it has one column
            return 1

    for section in range(columns(QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")

    def rows(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                for role in ROLES:
                    value = index.data(role)
                    if isinstance(value, str):
                        yield value
            first = model.index(row, 0, parent)
            if depth < 3 and model.rowCount(first) > 0:  # a tree's branches
                yield from rows(first, depth + 1)

    if not _lists_files(model):  # the entries of a file chooser are the user's files
        yield from rows(QModelIndex(), 0)


def _lists_files(model: QAbstractItemModel) -> bool:
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return isinstance(model, QFileSystemModel)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if widget.isWindow():
        yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        yield getattr(widget, "suffix", lambda: "")()
        yield getattr(widget, "prefix", lambda: "")()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield widget.itemText(index)
            yield str(widget.itemData(index, Qt.ItemDataRole.ToolTipRole) or "")
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield widget.tabText(index)
            yield widget.tabToolTip(index)
    if isinstance(widget, QAbstractItemView):
        yield from _item_texts(widget)
    if isinstance(widget, QMenu | QMenuBar):
        for action in widget.actions():
            yield action.text()
            yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
            yield action.statusTip()
    for action in widget.actions():  # a widget's own actions (context menus, shortcuts)
        if action.text():
            yield action.text()


def texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything ``window`` shows a user or a screen reader."""
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        hidden = widget is not window and not widget.isVisibleTo(window)
        if hidden and not isinstance(widget, QMenu):  # a menu is hidden until it opens
            continue
        where = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        for text in _widget_texts(widget):
            if text:
                yield where, text


def english_left(window: QWidget) -> list[str]:
    """Each text of ``window`` that still has English in it, with where it is."""
    found = []
    for where, text in texts(window):
        if Path(text).is_absolute():  # a file's path is the user's, not a text of the app
            continue
        words = sorted(set(english_words(text))) + [f"«{t}»" for t in english_source(text)]
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")
    return sorted(set(found))
