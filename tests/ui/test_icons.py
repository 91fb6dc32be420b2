"""Icons come from pre-rendered masks (ui/icons.py), not from qtawesome's fonts at run time."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from pesiar_desktop.config import resources_dir
from pesiar_desktop.ui import icons

UI = Path(icons.__file__).parent
ICON_NAME = re.compile(r"""["'](fa5[sbr]\.[a-z0-9-]+)["']""")


def _ui_sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in UI.rglob("*.py")}


def test_every_icon_name_written_in_ui_is_registered_and_rendered() -> None:
    written = {
        name
        for path, text in _ui_sources().items()
        if path.name != "icons.py"
        for name in ICON_NAME.findall(text)
    }
    assert written == set(icons.NAMES)  # none missing, none left over
    folder = resources_dir() / "icons" / "fa"
    missing = [
        icons.mask_path_name(name, size)
        for name in icons.NAMES
        for size in icons.SIZES
        if not (folder / icons.mask_path_name(name, size)).is_file()
    ]
    assert missing == []  # run tools/render-icons.py
    assert len(list(folder.glob("*.png"))) == len(icons.NAMES) * len(icons.SIZES)


def test_only_the_icon_module_knows_qtawesome() -> None:
    users = [
        path.name
        for path, text in _ui_sources().items()
        if re.search(r"\bqtawesome\b|\bqta\.", text) and path.name != "icons.py"
    ]
    assert users == []


def test_icons_are_tinted_and_greyed_when_disabled(qapp) -> None:
    red = "#d93025"
    icon = icons.icon("fa5s.file-pdf", red)
    normal = icon.pixmap(QSize(32, 32)).toImage()
    disabled = icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage()
    colours = {
        normal.pixelColor(x, y).name()
        for x in range(32)
        for y in range(32)
        if normal.pixelColor(x, y).alpha() == 255
    }
    assert colours == {red}  # opaque pixels in exactly the colour asked for
    greys = {
        disabled.pixelColor(x, y).name()
        for x in range(32)
        for y in range(32)
        if disabled.pixelColor(x, y).alpha() == 255
    }
    assert greys and red not in greys
    opaque = sum(normal.pixelColor(x, y).alpha() > 0 for x in range(32) for y in range(32))
    assert 100 < opaque < 32 * 32  # a glyph, not an empty or a filled square
    assert QColor(red).isValid()
    assert "fa5s.file-pdf" not in icons.fallbacks
