"""Screenshots of every page on a demo village, for the README and for looking at.

    python tools/screenshots.py [--out docs/screenshots] [--residents 3000] [--pages penduduk,...]
        [--user admin|operator|kades|bpd] [--tabs] [--size 1366x768] [--language id|en]

Runs offscreen (QT_QPA_PLATFORM=offscreen) at 1366x768, the most common office laptop size.
`--user` logs in as one of the demo accounts (kades: kepala desa, bpd: viewer); `--tabs` also
saves every tab of a page that has tabs (`<page>-<n>-<tab>.png`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--residents", type=int, default=3000)
    parser.add_argument("--pages", default="", help="comma-separated page keys (default all)")
    parser.add_argument("--data-dir", help="use this data folder (default: a fresh demo)")
    parser.add_argument("--user", default="admin", help="demo account to log in as")
    parser.add_argument("--language", default="id", help="id (the default) or en")
    parser.add_argument("--tabs", action="store_true", help="also every tab of each page")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QTabWidget

    from pesiar_desktop import clock, demo
    from pesiar_desktop.app import _application, create_main_window, load_language
    from pesiar_desktop.bootstrap import open_app_database
    from pesiar_desktop.config import resolve_paths
    from pesiar_desktop.services import users
    from pesiar_desktop.services.context import SYSTEM
    from pesiar_desktop.ui.main_window import PAGE_KEYS

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pesiar-shots-") as tmp:
        paths = resolve_paths(args.data_dir or tmp, None)
        db = open_app_database(paths)
        if not args.data_dir:
            demo.generate(db, SYSTEM, residents=args.residents, seed=2026, today=clock.today())
        app = _application()
        load_language(args.language)  # as the program does at start: Qt's words, the locale
        window = create_main_window(db, users.get_actor(db, args.user), paths)
        width, height = (int(n) for n in args.size.lower().split("x"))
        window.resize(width, height)
        window.show()
        keys = [k for k in args.pages.split(",") if k] or list(PAGE_KEYS)

        def settle(ms: int = 1500) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        for key in keys:
            window.show_page(key)
            settle()
            app.processEvents()
            target = out / f"{key}.png"
            window.grab().save(str(target))
            print(target)
            if not args.tabs:
                continue
            page = window.pages[key]
            for tabs in page.findChildren(QTabWidget):
                if not tabs.isVisible():
                    continue
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    settle(800)
                    slug = tabs.tabText(index).replace("&", "").replace(" ", "_").replace("/", "_")
                    target = out / f"{key}-{index}-{slug.lower()}.png"
                    window.grab().save(str(target))
                    print(target)
                tabs.setCurrentIndex(0)
        window.shutdown()
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
