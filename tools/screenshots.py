"""Screenshots of every page on a demo village, for the README and for looking at.

    python tools/screenshots.py [--out docs/screenshots] [--residents 3000] [--pages penduduk,...]
        [--user admin|operator|kades|bpd] [--tabs] [--dialogs] [--size 1366x768]
        [--language id|en]

Runs offscreen (QT_QPA_PLATFORM=offscreen) at 1366x768, the most common office laptop size.
`--user` logs in as one of the demo accounts (kades: kepala desa, bpd: viewer); `--tabs` also
saves every tab of a page that has tabs (`<page>-<n>-<tab>.png`). `--dialogs` also opens every
dialog a page's enabled buttons (first row selected) and the menus lead to, as that user, on a
screen of `--size` less a 40-px taskbar, saves it (`dialog-<nn>-<page>-<button>-<Class>.png`,
cancelled at once, so nothing is saved by it) and lists in `dialogs.txt` each dialog's size
and each button the user cannot use, with the tooltip that says why.
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
    parser.add_argument("--dialogs", action="store_true", help="also every dialog (see above)")
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
        width, height = (int(n) for n in args.size.lower().split("x"))
        if args.dialogs:
            _fit_to_screen(width, height)
        window = create_main_window(db, users.get_actor(db, args.user), paths)
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
        if args.dialogs:
            _grab_dialogs(window, keys, out, settle)
        window.shutdown()
        window.close()
        db.dispose()
    return 0


# Buttons that would end the session or leave the program, never clicked.
_NOT_CLICKED = ("Keluar", "Tutup aplikasi", "Kunci layar")


def _fit_to_screen(width: int, height: int) -> None:
    """Dialogs fit a screen of width x height less a 40-px taskbar (offscreen has 800x600)."""
    from PySide6.QtCore import QRect

    from pesiar_desktop.ui import screen_fit

    area = QRect(0, 0, width, height - 40)
    screen_fit.available_area = lambda _widget=None: area


def _slug(text: str) -> str:
    text = text.replace("&", "").replace("…", "").strip().lower()
    return "".join(c if c.isalnum() else "_" for c in text)[:30].strip("_") or "tombol"


def _grab_dialogs(window, keys: list[str], out: Path, settle) -> None:  # type: ignore[no-untyped-def]
    """Clicks every enabled button of every page and tab (with the first row of each table
    selected) and the menus' actions; every dialog shown is saved and cancelled."""
    from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QTimer, QUrl, Slot
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QApplication,
        QDialog,
        QPushButton,
        QScrollBar,
        QTabBar,
        QTabWidget,
        QToolButton,
    )
    from shiboken6 import isValid

    report: list[str] = []
    where = {"name": ""}

    class Grabber(QObject):
        count = 0

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if (
                event.type() == QEvent.Type.Show
                and isinstance(watched, QDialog)
                and watched.isWindow()
                and not watched.property("_looked_at")
            ):
                watched.setProperty("_looked_at", True)
                QTimer.singleShot(900, lambda dialog=watched: self.grab(dialog))
            return False

        def grab(self, dialog: QDialog) -> None:
            if not isValid(dialog) or not dialog.isVisible():
                return
            Grabber.count += 1
            name = f"dialog-{Grabber.count:02d}-{where['name']}-{type(dialog).__name__}.png"
            dialog.grab().save(str(out / name))
            frame = dialog.frameGeometry()
            report.append(f"{name}: {frame.width()}x{frame.height()} '{dialog.windowTitle()}'")
            print(out / name)
            dialog.reject()

    class NoOpen(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            report.append(f"(would open {url.toString()})")

    grabber, no_open = Grabber(), NoOpen()
    app = QApplication.instance()
    app.installEventFilter(grabber)
    for scheme in ("file", "http", "https"):
        QDesktopServices.setUrlHandler(scheme, no_open, "open")

    def select_first_rows(scope) -> None:  # type: ignore[no-untyped-def]
        for view in scope.findChildren(QAbstractItemView):
            model = view.model()
            if view.isVisible() and model is not None and model.rowCount() > 0:
                view.setCurrentIndex(model.index(0, 0))
                if view.selectionModel() is not None:
                    flags = QItemSelectionModel.SelectionFlag
                    view.selectionModel().select(
                        model.index(0, 0), flags.ClearAndSelect | flags.Rows
                    )
        settle(400)

    def buttons(scope) -> list:  # type: ignore[no-untyped-def]
        found = []
        for button in scope.findChildren(QAbstractButton):
            if not isinstance(button, (QPushButton, QToolButton)):
                continue
            parent = button.parentWidget()
            if isinstance(parent, (QTabBar, QScrollBar, QAbstractSpinBox)) or button.inherits(
                "QCalendarWidget"
            ):
                continue
            if button.isVisible() and button.text().replace("&", "") not in _NOT_CLICKED:
                found.append(button)
        return found

    def go_back(key: str, tabs, index: int) -> None:  # type: ignore[no-untyped-def]
        if window.current_page_key() != key:
            window.show_page(key)
            settle(600)
        if tabs is not None and isValid(tabs) and tabs.currentIndex() != index:
            tabs.setCurrentIndex(index)
            settle(400)

    for key in keys:
        window.show_page(key)
        settle(1000)
        page = window.pages[key]
        tab_widgets = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        scopes = [(t, i) for t in tab_widgets[:1] for i in range(t.count())]
        # the page itself first: its buttons outside the tabs (Petakan's imports)
        for tabs, index in [(None, 0), *scopes]:
            go_back(key, tabs, index)
            scope = tabs.widget(index) if tabs is not None else page
            label = key if tabs is None else f"{key}.{_slug(tabs.tabText(index))}"
            select_first_rows(scope)
            inside_tabs = tab_widgets[0] if tabs is None and tab_widgets else None
            for button in buttons(scope):
                if not isValid(button) or not button.isVisible():
                    continue
                if inside_tabs is not None and inside_tabs.isAncestorOf(button):
                    continue
                text = button.text().replace("&", "") or button.toolTip() or "?"
                if not button.isEnabled():
                    report.append(f"{label}: [disabled] {text!r} — {button.toolTip()!r}")
                    continue
                menu = button.menu()
                where["name"] = f"{label}-{_slug(text)}"
                if menu is not None:
                    for action in menu.actions():
                        if action.isEnabled() and not action.isCheckable() and action.text():
                            where["name"] = f"{label}-{_slug(action.text())}"
                            action.trigger()
                            settle(1200)
                            go_back(key, tabs, index)
                    continue
                button.click()
                settle(1200)
                go_back(key, tabs, index)
    where["name"] = "menu"
    for action in (window.backup_action, window.audit_action, window.change_password_action):
        where["name"] = f"menu-{_slug(action.text())}"
        if action.isEnabled():
            action.trigger()
            settle(1200)
        else:
            report.append(f"menu: [disabled] {action.text()!r}")
    (out / "dialogs.txt").write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
