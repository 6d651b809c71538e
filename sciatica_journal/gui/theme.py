"""Light or dark: chosen from the preference (System / Light / Dark) and the desktop's
scheme, applied to the whole application (QPalette, the stylesheet, the colour set the
self-painting widgets read) and applied again, live, when either changes.

- Appearance = System: the desktop's scheme (``QStyleHints.colorScheme``) decides, and its
  ``colorSchemeChanged`` re-applies at once.
- Light or Dark: that set, whatever the desktop says; on Qt 6.8+ the app also asks for that
  scheme (``QStyleHints.setColorScheme``) so native parts (title bar, file dialogs) follow.

Widgets that build colours into objects (the pyqtgraph charts) listen to ``changed``;
widgets that paint themselves read ``gui.palette.current()`` on every paint."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from sciatica_journal.domain.preferences import Appearance
from sciatica_journal.gui import palette
from sciatica_journal.gui.palette import Colours, colours_for
from sciatica_journal.gui.style import apply_style

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def qpalette(colours: Colours) -> QPalette:
    """The QPalette of a colour set: what the stylesheet does not cover (tables, lists,
    menus, tooltips, the calendar, message boxes) is drawn from it."""
    c = colours.qcolor
    result = QPalette()
    roles = {
        Role.Window: c("window"),
        Role.WindowText: c("text"),
        Role.Base: c("card"),
        Role.AlternateBase: c("navigation"),
        Role.Text: c("text"),
        Role.PlaceholderText: c("muted"),
        Role.Button: c("button"),
        Role.ButtonText: c("text"),
        Role.BrightText: c("on_accent"),
        Role.ToolTipBase: c("card"),
        Role.ToolTipText: c("text"),
        Role.Highlight: c("selection"),
        Role.HighlightedText: c("on_accent"),
        Role.Link: c("link"),
        Role.LinkVisited: c("link"),
        Role.Light: c("button_hover"),
        Role.Midlight: c("button"),
        Role.Mid: c("border"),
        Role.Dark: c("control_border"),
        Role.Shadow: QColor("#000000"),
        Role.Accent: c("accent"),
    }
    for role, colour in roles.items():
        result.setColor(role, colour)
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        result.setColor(Group.Disabled, role, c("disabled_text"))
    result.setColor(Group.Disabled, Role.Button, c("disabled_background"))
    result.setColor(Group.Disabled, Role.Base, c("disabled_background"))
    return result


def _scheme_of(colours: Colours) -> Qt.ColorScheme:
    return Qt.ColorScheme.Dark if colours.dark else Qt.ColorScheme.Light


class Theme(QObject):
    """The application's look. One per QApplication: ``theme()``."""

    changed = Signal()  # after a new colour set is applied

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._appearance = Appearance.SYSTEM
        self._applied = False
        self._busy = False
        app.styleHints().colorSchemeChanged.connect(self.system_scheme_changed)

    @property
    def appearance(self) -> Appearance:
        return self._appearance

    @property
    def applied(self) -> bool:
        return self._applied

    @property
    def colours(self) -> Colours:
        return palette.current()

    def set_appearance(self, appearance: Appearance) -> None:
        """Apply the user's choice (at start, and after Settings or its undo)."""
        if self._applied and appearance is self._appearance:
            return
        self._appearance = appearance
        hints = self._app.styleHints()
        self._busy = True  # asking Qt for a scheme may report it back as a change
        try:
            if appearance is Appearance.SYSTEM:
                hints.unsetColorScheme()
            else:
                hints.setColorScheme(_scheme_of(colours_for(appearance, Qt.ColorScheme.Unknown)))
        finally:
            self._busy = False
        scheme = hints.colorScheme() if appearance is Appearance.SYSTEM else Qt.ColorScheme.Unknown
        self._apply(colours_for(appearance, scheme))

    def follow(self, appearance: Appearance) -> None:
        """After the settings changed (or their undo): the saved choice, if it is not the
        plain look of an application that was never styled (widget tests)."""
        if self._applied or appearance is not Appearance.SYSTEM:
            self.set_appearance(appearance)

    def system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: followed when Appearance is System."""
        if self._busy or self._appearance is not Appearance.SYSTEM:
            return
        self._apply(colours_for(Appearance.SYSTEM, scheme))

    def _apply(self, colours: Colours) -> None:
        changed = colours is not palette.current() or not self._applied
        palette.set_current(colours)
        self._applied = True
        if not changed:
            return
        self._app.setPalette(qpalette(colours))
        apply_style(self._app, colours)
        for widget in self._app.allWidgets():
            widget.update()  # the self-painting widgets read the new set
        self.changed.emit()

    def reset(self) -> None:
        """Give the application its plain look back (no stylesheet, Qt's palette, the light
        set): for tests that looked at one scheme."""
        self._app.styleHints().unsetColorScheme()
        palette.set_current(palette.LIGHT)
        self._app.setStyleSheet("")
        self._app.setPalette(QPalette())
        self._appearance = Appearance.SYSTEM
        self._applied = False
        self.changed.emit()


_themes: list[Theme] = []


def theme() -> Theme:
    """The running application's Theme (made on first use; it applies nothing until
    ``set_appearance`` is called)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication yet")
    for known in _themes:
        if known.parent() == app:
            return known
    made = Theme(app)
    _themes[:] = [made]
    return made
