"""Pre-render the sidebar icons (qtawesome) to PNG so the window frame can appear
before qtawesome is imported. Run again after changing an icon in ui/main_window.PAGES.

    python tools/render-icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    import qtawesome as qta
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from pesiar_desktop.ui.main_window import PAGES, SIDEBAR_ICON_COLOR

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = ROOT / "pesiar_desktop" / "resources" / "icons" / "sidebar"
    out.mkdir(parents=True, exist_ok=True)
    for _label, name in PAGES.values():
        icon = qta.icon(name, color=SIDEBAR_ICON_COLOR)
        for size in (18, 36):
            target = out / f"{name.replace('.', '-')}-{size}.png"
            icon.pixmap(QSize(size, size)).save(str(target))
            print(target.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
