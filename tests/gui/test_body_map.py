"""The leg diagram: real clicks on real region positions, keys, undo, hover, two sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QRadioButton, QToolTip

from sciatica_journal.domain.body import SymptomKind
from sciatica_journal.gui.symptom_map_editor import SymptomMapEditor
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from tests.gui.conftest import find


@pytest.fixture
def editor(qtbot, services):
    widget = SymptomMapEditor(BodyMapDrawing(services.catalog))
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, editor, code, button=Qt.MouseButton.LeftButton):
    board = editor.map_widget
    point = board.region_point(code).toPoint()
    assert board.drawing.region_at(board.region_point(code), board.target_rect()) == code
    qtbot.mouseClick(board, button, pos=point)


def marks(editor):
    return {(m.region, m.kind.value, m.intensity) for m in editor.symptom_map().marks}


def test_click_marks_and_clicking_again_cycles_the_strength(qtbot, editor):
    click(qtbot, editor, "calf-left")
    assert marks(editor) == {("calf-left", "pain", 2)}
    click(qtbot, editor, "calf-left")
    assert marks(editor) == {("calf-left", "pain", 3)}
    click(qtbot, editor, "calf-left")
    assert marks(editor) == {("calf-left", "pain", 1)}
    click(qtbot, editor, "calf-left", Qt.MouseButton.RightButton)
    assert marks(editor) == set()


def test_the_chosen_kind_and_strength_are_used_and_kinds_combine(qtbot, editor):
    qtbot.mouseClick(find(editor, "Mark tingling", QRadioButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(editor, "Strength severe", QRadioButton), Qt.MouseButton.LeftButton)
    click(qtbot, editor, "sole-right")
    qtbot.mouseClick(find(editor, "Mark numbness", QRadioButton), Qt.MouseButton.LeftButton)
    click(qtbot, editor, "sole-right")
    click(qtbot, editor, "big-toe-left")
    assert marks(editor) == {
        ("sole-right", "tingling", 3),
        ("sole-right", "numbness", 3),
        ("big-toe-left", "numbness", 3),
    }


@pytest.mark.parametrize("size", [(420, 360), (1400, 1000)])
def test_every_region_is_hit_at_small_and_large_sizes(qtbot, editor, size):
    editor.resize(*size)
    qtbot.wait(10)
    board = editor.map_widget
    for region in board.drawing.catalog.regions:
        point = board.region_point(region.code)
        assert board.drawing.region_at(point, board.target_rect()) == region.code


def test_the_map_keeps_its_aspect(qtbot, editor):
    board = editor.map_widget
    drawn = board.drawing.drawing_rect(board.target_rect())
    assert drawn.width() / drawn.height() == pytest.approx(board.drawing.aspect, rel=1e-3)


def test_clear_all_can_be_undone(qtbot, editor):
    click(qtbot, editor, "thigh-back-left")
    click(qtbot, editor, "saddle")
    before = marks(editor)
    qtbot.mouseClick(find(editor, "Clear all", QPushButton), Qt.MouseButton.LeftButton)
    assert marks(editor) == set()
    qtbot.mouseClick(find(editor, "Undo", QPushButton), Qt.MouseButton.LeftButton)
    assert marks(editor) == before
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert marks(editor) == {("thigh-back-left", "pain", 2)}


def _tab_stops(board):
    return [c for c in board.stand_ins.values() if c.focusPolicy() & Qt.FocusPolicy.TabFocus]


def test_the_diagram_is_one_tab_stop_and_arrows_move_inside_it(qtbot, editor):
    board = editor.map_widget
    assert _tab_stops(board) == [board.stand_ins["low-back-left"]]
    clear = find(editor, "Clear all", QPushButton)
    clear.setFocus()
    qtbot.waitUntil(clear.hasFocus)
    qtbot.keyClick(clear, Qt.Key.Key_Tab)  # into the diagram: its first region
    assert editor.focusWidget().accessibleName() == "Low back, left"
    moves = [
        (Qt.Key.Key_Right, "Low back, centre"),
        (Qt.Key.Key_Right, "Low back, right"),
        (Qt.Key.Key_Down, "Right buttock"),
        (Qt.Key.Key_Left, "Left buttock"),
        (Qt.Key.Key_Down, "Left back of thigh"),
        (Qt.Key.Key_Up, "Left buttock"),
    ]
    for key, name in moves:
        qtbot.keyClick(editor.focusWidget(), key)
        assert editor.focusWidget().accessibleName() == name
    assert board._focus == "buttock-left"  # drawn highlighted
    assert _tab_stops(board) == [board.stand_ins["buttock-left"]]
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_End)
    assert editor.focusWidget() is board.stand_ins[board.region_order[-1]]
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Home)
    assert editor.focusWidget() is board.stand_ins["low-back-left"]


def test_space_and_enter_mark_delete_clears(qtbot, editor):
    board = editor.map_widget
    board.focus_region("saddle")
    qtbot.waitUntil(board.stand_ins["saddle"].hasFocus)
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Space)
    assert marks(editor) == {("saddle", "pain", 2)}
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Return)
    assert marks(editor) == {("saddle", "pain", 3)}
    assert editor.focusWidget().accessibleDescription() == "pain (severe)"
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Delete)
    assert marks(editor) == set()
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Backspace)
    assert marks(editor) == set()


def test_tab_leaves_the_diagram_and_comes_back_to_the_last_region(qtbot, editor):
    board = editor.map_widget
    clear = find(editor, "Clear all", QPushButton)
    clear.setFocus()
    qtbot.waitUntil(clear.hasFocus)
    qtbot.keyClick(clear, Qt.Key.Key_Tab)
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Down)  # Left buttock
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)  # out: the editor's first control
    after = editor.focusWidget()
    assert after.parent() is not board
    assert board._focus is None  # no highlight once the focus has gone
    qtbot.keyClick(after, Qt.Key.Key_Return)  # Enter elsewhere changes no mark
    qtbot.keyClick(after, Qt.Key.Key_Enter)
    assert marks(editor) == set()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)  # back in: where the user left it
    assert editor.focusWidget().accessibleName() == "Left buttock"
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Backtab)  # out, to the one before
    assert editor.focusWidget() is clear


def test_a_click_moves_the_keyboard_position_too(qtbot, editor):
    board = editor.map_widget
    click(qtbot, editor, "heel-right")
    assert board.current_region == "heel-right"
    assert _tab_stops(board) == [board.stand_ins["heel-right"]]


def test_every_region_can_be_reached_with_the_arrows(editor):
    board = editor.map_widget
    reached, todo = {board.region_order[0]}, [board.region_order[0]]
    while todo:
        code = todo.pop()
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            other = board.neighbour(code, dx, dy)
            if other is not None and other not in reached:
                reached.add(other)
                todo.append(other)
    assert reached == set(board.region_order)


def test_the_focused_region_is_drawn_highlighted(qtbot, editor):
    board = editor.map_widget
    before = board.grab().toImage()
    board.focus_region("calf-left")
    qtbot.waitUntil(board.stand_ins["calf-left"].hasFocus)
    assert board.grab().toImage() != before


def test_every_region_has_an_accessible_name_and_tooltip(editor):
    board = editor.map_widget
    assert len(board.stand_ins) == len(board.drawing.catalog.regions)
    for code, stand_in in board.stand_ins.items():
        region = board.drawing.catalog.get(code)
        assert stand_in.accessibleName() == region.name
        assert stand_in.toolTip() == region.name


def test_hover_highlights_and_names_the_region(qtbot, editor):
    board = editor.map_widget
    qtbot.mouseMove(board, board.region_point("knee-front-right").toPoint())
    qtbot.waitUntil(lambda: board._hover == "knee-front-right")
    assert QToolTip.text() == "Right front of knee"
    qtbot.mouseMove(board, QPoint(2, 2))
    qtbot.waitUntil(lambda: board._hover is None)


def test_a_change_emits_the_signal(qtbot, editor):
    with qtbot.waitSignal(editor.changed, timeout=1000):
        click(qtbot, editor, "heel-left")


def test_set_map_prefills_without_undo_history(qtbot, editor):
    from tests.builders import symptom_map

    editor.set_map(symptom_map("calf-right", kind=SymptomKind.NUMBNESS))
    assert marks(editor) == {("calf-right", "numbness", 2)}
    assert not find(editor, "Undo", QPushButton).isEnabled()
