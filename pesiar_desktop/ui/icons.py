"""Font Awesome icons without loading Font Awesome at start-up.

qtawesome costs about 0.2 s to import and to load its twelve fonts: a fifth of the start-up
budget. The icons the program uses (`NAMES`) are rendered once by `tools/render-icons.py`
into alpha masks (`resources/icons/fa/<name>-<size>.png`) and tinted here, normal and
disabled, in the palette's text colours as qtawesome does. A name without masks falls back
to qtawesome and is remembered in `fallbacks` (a test fails on any).
"""

from __future__ import annotations

import logging
from functools import cache

# Not `Qt`: the frame (sidebar icons) is built before PySide sets up that namespace (~15 ms).
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from pesiar_desktop.config import resources_dir

log = logging.getLogger(__name__)

# Pixel sizes rendered per icon: buttons and menus (16), the sidebar (18), cards (22-26),
# the larger notices (48, 56), and twice those for 200 % screens; Qt picks the nearest.
SIZES = (16, 18, 24, 32, 36, 48, 64, 128)

# Every icon the program shows. tests/ui/test_icons.py keeps this equal to the names written
# in ui/ and checks that each has its masks.
NAMES = frozenset(
    {
        "fa5b.whatsapp",
        "fa5s.arrow-down",
        "fa5s.arrow-up",
        "fa5s.award",
        "fa5s.baby",
        "fa5s.barcode",
        "fa5s.bell",
        "fa5s.building",
        "fa5s.calendar-alt",
        "fa5s.chart-bar",
        "fa5s.check",
        "fa5s.check-circle",
        "fa5s.cog",
        "fa5s.download",
        "fa5s.exchange-alt",
        "fa5s.exclamation-triangle",
        "fa5s.file-excel",
        "fa5s.file-import",
        "fa5s.file-invoice-dollar",
        "fa5s.file-pdf",
        "fa5s.file-signature",
        "fa5s.flag",
        "fa5s.folder-open",
        "fa5s.hand-holding-heart",
        "fa5s.hand-holding-usd",
        "fa5s.heartbeat",
        "fa5s.history",
        "fa5s.home",
        "fa5s.hourglass-end",
        "fa5s.id-card",
        "fa5s.key",
        "fa5s.list",
        "fa5s.lock",
        "fa5s.map-marked-alt",
        "fa5s.money-bill",
        "fa5s.pen",
        "fa5s.plus",
        "fa5s.print",
        "fa5s.receipt",
        "fa5s.redo-alt",
        "fa5s.ribbon",
        "fa5s.save",
        "fa5s.search",
        "fa5s.shield-alt",
        "fa5s.sign-in-alt",
        "fa5s.sign-out-alt",
        "fa5s.sync-alt",
        "fa5s.table",
        "fa5s.th-list",
        "fa5s.times",
        "fa5s.times-circle",
        "fa5s.trash",
        "fa5s.user-plus",
        "fa5s.user-tie",
        "fa5s.users",
        "fa5s.walking",
    }
)

fallbacks: set[str] = set()


def mask_path_name(name: str, size: int) -> str:
    return f"{name.replace('.', '-')}-{size}.png"


def icon(name: str, color: str | None = None) -> QIcon:
    """The icon `name` ("fa5s.save") in `color` (default: the palette's text colour)."""
    palette = QGuiApplication.palette()
    normal = color or palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
    masks = _masks(name)
    if not masks:
        return _qtawesome_icon(name, color)
    result = QIcon()
    for mask in masks:
        result.addPixmap(_tinted(mask, normal), QIcon.Mode.Normal)
        result.addPixmap(_tinted(mask, disabled), QIcon.Mode.Disabled)
    return result


def pixmap(name: str, size: int, color: str | None = None) -> QPixmap:
    """The icon as a square pixmap of `size` logical pixels (for labels)."""
    return icon(name, color).pixmap(QSize(size, size))


@cache
def _masks(name: str) -> tuple[QPixmap, ...]:
    folder = resources_dir() / "icons" / "fa"
    found = []
    for size in SIZES:
        path = folder / mask_path_name(name, size)
        if path.is_file():
            found.append(QPixmap(str(path)))
    return tuple(mask for mask in found if not mask.isNull())


def _tinted(mask: QPixmap, color: str) -> QPixmap:
    """`color` where the mask is opaque, its alpha kept: the mask, then a plain pixmap of
    the colour drawn over it with SourceIn. (No fillRect: its overloads make PySide set up
    the `Qt` namespace, which the frame avoids.)"""
    solid = QPixmap(mask.size())
    solid.fill(QColor(color))
    result = QPixmap(mask.size())
    result.fill(QColor(0, 0, 0, 0))  # also gives the pixmap its alpha channel
    painter = QPainter(result)
    painter.drawPixmap(0, 0, mask)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.drawPixmap(0, 0, solid)
    painter.end()
    return result


def _qtawesome_icon(name: str, color: str | None) -> QIcon:
    if name not in fallbacks:
        log.warning("icon %s has no pre-rendered mask (tools/render-icons.py)", name)
        fallbacks.add(name)
    import qtawesome as qta

    found: QIcon = qta.icon(name, color=color) if color else qta.icon(name)
    return found
