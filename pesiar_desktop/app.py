"""The GUI entry: QApplication, database, crash hook, first-run wizard, login,
main window. `run_gui(paths, smoke)` is what `pesiar-desktop gui` calls.

`--smoke` opens the main window without dialogs (as the first active admin),
switches to the Penduduk page, waits until its rows are loaded and prints a
one-line summary: a quick check that a build or an installed copy works.

At start (not in smoke mode) the SQLite database gets its daily automatic backup;
the interface language follows the `ui.language` setting (Qt .qm files in
`pesiar_desktop/resources/i18n`, plus Qt's own qtbase translations); after login the session
locks after `session.lock_minutes` without input (`ui.session_lock`). A restore
from Pengaturan → Cadangan closes the window and asks for a fresh login on the
restored database.

Helpers for tests and benchmarks: `create_main_window(db, actor, paths)`,
`ui_settings(paths)`, `app_icon()`, `load_language(language)`, `DataBus` (re-exported).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

# Classes needed only after the main window frame is shown are reached through their
# modules: PySide sets a class up when it is first named (1-3 ms each).
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pesiar_desktop import APP_NAME, __version__, gc_policy
from pesiar_desktop.config import AppPaths, resources_dir
from pesiar_desktop.errors import PesiarError, explain
from pesiar_desktop.services.context import ROLE_ADMIN, Actor
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.main_window import MainWindow

# The database layer (SQLAlchemy, the services) is imported once the main window frame
# is on screen: start-up shows the window in about the time a bare Qt window takes.
if TYPE_CHECKING:
    from pathlib import Path

    from pesiar_desktop.db import Database

__all__ = [
    "DataBus",
    "MainWindow",
    "app_icon",
    "create_main_window",
    "load_language",
    "run_gui",
    "ui_settings",
]

log = logging.getLogger(__name__)
SMOKE_TIMEOUT_MS = 20_000
ORGANIZATION = "PESIAR"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _t(text: str) -> str:
    return QCoreApplication.translate("App", text)


def ui_settings(paths: AppPaths) -> QSettings:
    """Window layout is kept in the data folder (never the user's global settings),
    so each data folder, and each test, has its own."""
    return QSettings(str(paths.data_dir / "ui.ini"), QSettings.Format.IniFormat)


def _show_fitted(window: MainWindow) -> None:
    """Maximised on a small screen, else the remembered size within the screen."""
    from pesiar_desktop.ui.screen_fit import show_fitted

    show_fitted(window)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in (32, 64, 256):
        png = folder / f"pesiar-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    svg = folder / "pesiar.svg"
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def create_main_window(
    db: Database, actor: Actor, paths: AppPaths, first_page: str = "beranda"
) -> MainWindow:
    """The main window for a logged-in actor, without any dialog (tests, benchmarks)."""
    window = MainWindow(db, actor, ui_settings(paths), first_page=first_page)
    window.set_paths(paths)
    return window


LANGUAGES = ("id", "en")
_translators: list[QTranslator] = []


def load_language(language: str) -> bool:
    """Install the translations for `language` ("id" is the source language: nothing
    to load but Qt's own). Replaces any loaded before. True when the program's .qm
    file for it was loaded (or none is needed)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    language = language if language in LANGUAGES else "id"
    # Numbers, sizes and month names ("Desember 2026", "2,7 MB") follow the language.
    if language == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        from pesiar_desktop.ui.qt_indonesian import QtIndonesian

        qt_words = QtIndonesian(app)  # PySide6 ships no qtbase_id
        app.installTranslator(qt_words)
        _translators.append(qt_words)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _translators.append(qt_own)
    if language == "id":
        return True
    mine = QTranslator(app)
    qm = resources_dir() / "i18n" / f"pesiar_{language}.qm"
    if not mine.load(str(qm)):
        log.warning("translation %s not found", qm)
        return False
    app.installTranslator(mine)
    _translators.append(mine)
    return True


def _database_language(db: Database) -> str:
    from pesiar_desktop.services import settings

    try:
        return settings.read(db, settings.SETTINGS.language)
    except Exception:  # a database that cannot be read yet: keep the source language
        return "id"


LANGUAGE_KEY = "ui/language"  # ui.ini keeps a copy so the frame is built in the right language


def _cached_language(paths: AppPaths) -> str:
    return str(ui_settings(paths).value(LANGUAGE_KEY, "id"))


def _follow_database_language(db: Database, paths: AppPaths, window: MainWindow | None) -> None:
    """The `ui.language` setting lives in the database; the frame was built from ui.ini's
    copy. When they differ (the setting was changed), switch now and remember it."""
    language = _database_language(db)
    if language == _cached_language(paths):
        return
    store = ui_settings(paths)
    store.setValue(LANGUAGE_KEY, language)
    store.sync()
    load_language(language)
    if window is not None:
        window.retranslate_sidebar()


def _auto_backup(window: MainWindow, db: Database, paths: AppPaths) -> None:
    """Once a day at start, as the first job of the window's serial writer (before any
    write of the user's); a failure is logged, never in the user's way."""
    from pesiar_desktop.services import backup
    from pesiar_desktop.ui.write_op import run_write

    def made(path: Path | None) -> None:
        if path is not None:
            log.info("automatic backup: %s", path)

    run_write(
        window,
        window.tasks,
        lambda _c: backup.auto_backup_if_due(db, paths),
        on_success=made,
        on_error=lambda err: log.error("automatic backup failed: %s", err),
    )


def _desktop_may_be_dark() -> bool:
    """False only where the desktop certainly asks for light: Windows in light mode
    (its registry says so), or no desktop session at all (no theme to follow)."""
    if sys.platform == "win32":
        try:
            import winreg

            key = r"Software\Microsoft\Windows\CurrentVersion\Themes\Personalize"
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as personalize:
                light, _kind = winreg.QueryValueEx(personalize, "AppsUseLightTheme")
            return not light
        except OSError:
            return True
    if sys.platform == "darwin":
        return True
    theme_sources = ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "QT_QPA_PLATFORMTHEME")
    return any(os.environ.get(name) for name in theme_sources)


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    # The pages use light cards and coloured status text: keep the light scheme even
    # when the desktop is dark (Qt >= 6.8 can set it). Only where a dark scheme can
    # come from: naming any `Qt.` enum makes PySide build that whole namespace (~15 ms,
    # a tenth of start-up), which the frame otherwise never needs before it is shown.
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme") and _desktop_may_be_dark():
        hints.setColorScheme(QtCore.Qt.ColorScheme.Light)
    app.setWindowIcon(app_icon())
    from pesiar_desktop.ui import gc_guard

    gc_guard.install(app)  # garbage collected on the GUI thread only
    from pesiar_desktop.ui import screen_fit

    screen_fit.install(app)  # no dialog larger than the screen
    return app


class CrashHook:
    """sys.excepthook: log every unexpected error and show it with copyable details.

    In smoke mode nothing is shown; errors are printed and make the run fail.
    """

    def __init__(self, paths: AppPaths, smoke: bool):
        self.paths = paths
        self.smoke = smoke
        self.errors: list[str] = []
        self._showing = False
        self._previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details)
        self.errors.append(details)
        if self.smoke:
            print(details, file=sys.stderr)
            return
        if self._showing:
            return
        self._showing = True
        try:
            explained = explain(error)  # a full disk, a database locked elsewhere
            if explained is not None:
                QtWidgets.QMessageBox.warning(None, APP_NAME, explained[0])
            elif isinstance(error, PesiarError):
                QtWidgets.QMessageBox.warning(None, APP_NAME, str(error))
            else:
                from pesiar_desktop.ui.dialogs.crash import CrashDialog

                header = f"{APP_NAME} {__version__} · Python {sys.version.split()[0]}\n\n"
                CrashDialog(header + details, self.paths.log_dir).exec()
        finally:
            self._showing = False


def _first_admin(db: Database) -> Actor | None:
    from pesiar_desktop.services import users

    admins = [u for u in users.list_users(db) if u.role == ROLE_ADMIN and u.is_active]
    if not admins:
        return None
    return users.get_actor(db, min(admins, key=lambda u: u.id).username)


def _run_smoke(db: Database, paths: AppPaths, hook: CrashHook) -> int:
    from pesiar_desktop.services import village

    if not village.is_set_up(db):
        print(
            "smoke gagal: aplikasi belum disiapkan (jalankan 'pesiar-desktop init' dulu)",
            file=sys.stderr,
        )
        return 1
    actor = _first_admin(db)
    if actor is None:
        print("smoke gagal: tidak ada administrator aktif", file=sys.stderr)
        return 1
    # Opened on the register: the Beranda (its import and its two background reads) is
    # built only when shown, as for a user who goes straight to Penduduk.
    window = create_main_window(db, actor, paths, first_page="penduduk")
    try:
        window.show()
        page = window.residents_page
        outcome: dict[str, str] = {}
        loop = QtCore.QEventLoop()

        def loaded() -> None:
            outcome.setdefault("loaded", "yes")
            loop.quit()

        def failed(message: str) -> None:
            outcome.setdefault("error", message)
            loop.quit()

        page.model.loaded.connect(loaded)
        page.model.failed.connect(failed)
        QtCore.QTimer.singleShot(SMOKE_TIMEOUT_MS, loop.quit)
        window.show_page("penduduk")
        gc_policy.release()  # as the window does before its event loop
        if not outcome:
            loop.exec()
        if "error" in outcome:
            print(f"smoke gagal: {outcome['error']}", file=sys.stderr)
            return 1
        if "loaded" not in outcome:
            print(
                f"smoke gagal: halaman Penduduk tidak selesai dimuat dalam "
                f"{SMOKE_TIMEOUT_MS // 1000} detik",
                file=sys.stderr,
            )
            return 1
        rows = page.model.rowCount()
        # Touch the first rows as the view would, so fetching is exercised too.
        if rows:
            page.model.register_row(0)
        QCoreApplication.processEvents()
        if hook.errors:
            return 1
        print(f"smoke ok: {rows} penduduk")
        # Also in the log: the Windows window program (pesiar-desktop-gui.exe) has no console.
        log.info("smoke ok: %d penduduk", rows)
        return 0
    finally:
        window.close()
        window.shutdown()
        window.deleteLater()


def _login(db: Database, username: str = "") -> Actor | None:
    from pesiar_desktop.services import village
    from pesiar_desktop.ui.dialogs.users import LoginDialog

    login = LoginDialog(db, village.get_profile(db))
    if username:
        login.username.setText(username)
        login.password.setFocus()
    if login.exec() != QtWidgets.QDialog.DialogCode.Accepted or login.actor is None:
        return None
    return login.actor


def _run_interactive(
    app: QApplication,
    db: Database,
    paths: AppPaths,
    frame: MainWindow | None = None,
    auto_backup: bool = False,
) -> int:
    """Wizard (first run), login, the main window; again after a restore. `frame` is the
    main window already on screen (not yet attached to a user), if any; `auto_backup`:
    the daily backup is due once the first window has its worker."""
    from pesiar_desktop.services import village
    from pesiar_desktop.ui.dialogs.setup_wizard import SetupWizard
    from pesiar_desktop.ui.session_lock import SessionLock

    def give_up() -> int:
        if frame is not None:
            frame.close()
        return 0

    username = ""
    if not village.is_set_up(db):
        gc_policy.release()  # the first-run wizard is work, not start-up
        wizard = SetupWizard(db)
        if wizard.exec() != QtWidgets.QDialog.DialogCode.Accepted or wizard.profile is None:
            return give_up()
        username = wizard.admin_username
    while True:
        actor = _login(db, username)
        if actor is None:
            return give_up()
        if frame is not None:
            window, frame = frame, None
            window.attach(db, actor)
            window.set_paths(paths)
        else:
            window = create_main_window(db, actor, paths)
        if auto_backup:
            auto_backup = False
            _auto_backup(window, db, paths)
        lock = SessionLock(app, db, window.tasks, actor, window).start()
        if window.isVisible():
            window.show()
        else:
            _show_fitted(window)
        gc_policy.release()  # the window is up: start-up is over
        code = app.exec()
        lock.stop()
        window.shutdown()
        if window.logout_requested:
            # Pengguna → Keluar / ganti pengguna: the login box again, same database.
            log.info("%s logged out; asking for a new login", actor.username)
            window.deleteLater()
            username = ""
            continue
        if not window.restart_requested:
            return int(code)
        # A backup was restored: a fresh login on the restored database.
        log.info("restored database reopened; asking for a new login")
        window.deleteLater()
        db.dispose()
        username = actor.username


def run_gui(paths: AppPaths, smoke: bool = False) -> int:
    """0 on a normal exit (or a passed smoke test), 1 on failure, 2 if the database
    cannot be opened (e.g. written by a newer version)."""
    app = _application()
    load_language(_cached_language(paths))
    frame = None
    if not smoke:
        # The window first, then the database layer: the user sees the program at once.
        frame = MainWindow(settings=ui_settings(paths))
        _show_fitted(frame)
        app.processEvents()
    try:
        from pesiar_desktop.bootstrap import open_app_database

        db = open_app_database(paths)
        _follow_database_language(db, paths, frame)
    except PesiarError as err:
        log.error("cannot open the database: %s", err)
        if smoke:
            print(f"Galat: {err}", file=sys.stderr)
        else:
            QtWidgets.QMessageBox.critical(frame, _t("Basis data tidak dapat dibuka"), str(err))
            if frame is not None:
                frame.close()
        return 2
    hook = CrashHook(paths, smoke)
    hook.install()
    try:
        if smoke:
            try:
                return _run_smoke(db, paths, hook)
            except Exception as err:
                print(f"smoke gagal: {type(err).__name__}: {err}", file=sys.stderr)
                traceback.print_exc()
                return 1
        return _run_interactive(app, db, paths, frame, auto_backup=True)
    finally:
        hook.uninstall()
        db.dispose()
