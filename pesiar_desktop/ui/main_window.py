"""The main window: a sidebar with the PESIAR steps and a stack of pages.

Built in two steps so the window is on screen before the database layer loads:
`MainWindow(settings=…)` is the frame (sidebar, brand, status bar; Qt only, icons
pre-rendered), `attach(db, actor)` builds the menus and pages once the database is
open and someone has logged in. `MainWindow(db, actor, settings)` does both at once.

Public names (kept stable for tests and benchmarks): `MainWindow.show_page(key)`
with keys in `PAGE_KEYS`, `MainWindow.residents_page`, `MainWindow.pages`,
`MainWindow.tasks`, `MainWindow.bus`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

# What only runs after the frame is shown (menus, dialogs) reaches its classes through
# the modules: PySide sets a class up when it is first named (1-3 ms each).
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QByteArray, QSettings, QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import APP_NAME, __version__
from pesiar_desktop.services.context import ROLES, Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.ui import icons, save_dialog
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label, label_of

if TYPE_CHECKING:  # the database layer loads after the frame is on screen
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog

    from pesiar_desktop.config import AppPaths
    from pesiar_desktop.db import Database
    from pesiar_desktop.reportdata.village import VillageProfile
    from pesiar_desktop.ui.bus import DataBus
    from pesiar_desktop.ui.pages.home import HomePage
    from pesiar_desktop.ui.pages.residents import ResidentsPage
    from pesiar_desktop.ui.pages.settings import SettingsPage
    from pesiar_desktop.ui.tasks import TaskManager

# key -> (sidebar label, Font Awesome icon name, see ui/icons.py)
PAGES: dict[str, tuple[str, str]] = {
    "beranda": (QT_TRANSLATE_NOOP("MainWindow", "Beranda"), "fa5s.home"),
    "penduduk": (QT_TRANSLATE_NOOP("MainWindow", "Penduduk"), "fa5s.users"),
    "petakan": (QT_TRANSLATE_NOOP("MainWindow", "Petakan"), "fa5s.map-marked-alt"),
    "agen": (QT_TRANSLATE_NOOP("MainWindow", "Agen & Penugasan"), "fa5s.user-tie"),
    "sisir": (QT_TRANSLATE_NOOP("MainWindow", "Sisir & Advokasi"), "fa5s.walking"),
    "registrasi": (QT_TRANSLATE_NOOP("MainWindow", "Registrasi"), "fa5s.id-card"),
    "laporan": (QT_TRANSLATE_NOOP("MainWindow", "Laporan"), "fa5s.chart-bar"),
    "pengaturan": (QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"), "fa5s.cog"),
}
PAGE_KEYS = tuple(PAGES)
SIDEBAR_WIDTH = 200

SIDEBAR_STYLE = """
QListWidget#Sidebar {
    background: #17324d; color: #e8eef5; border: none; outline: none;
    font-size: 14px; padding-top: 4px;
}
QListWidget#Sidebar::item { padding: 9px 8px; border-left: 4px solid transparent; }
QListWidget#Sidebar::item:selected {
    background: #234a70; color: white; border-left: 4px solid #4fc3f7;
}
QListWidget#Sidebar::item:hover:!selected { background: #1f4060; }
"""


def sidebar_icon(name: str) -> QIcon:
    """A sidebar icon (pre-rendered: the frame appears before anything heavy is imported)."""
    return icons.icon(name, SIDEBAR_ICON_COLOR)


SIDEBAR_ICON_COLOR = "#e8eef5"


def badge(count: int) -> str:
    """A count in one character (❶ … ⓴) so the sidebar label keeps its width; "(21)" above."""
    if 1 <= count <= 10:
        return chr(0x2776 + count - 1)
    if 11 <= count <= 20:
        return chr(0x24EB + count - 11)
    return f"({count})"


class LazyPages(dict):  # type: ignore[type-arg]
    """Page key -> page; a page not built yet is built on first use (`pages[key]`).

    Why: building every page at log-in imported every feature (letters, fees, reminders,
    worksheets and their report writers) before the register could show a row; Penduduk
    and the first page shown are built at once, the others when first opened.
    `values()`/`items()` give only the pages built so far.
    """

    def __init__(self, build: Callable[[str], QWidget]):
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        page = self._build(key)  # raises KeyError for an unknown key
        self[key] = page
        return page


class MainWindow(QMainWindow):
    # Pengguna → Kunci layar: the session lock (app.py) listens.
    lock_requested = Signal()

    def __init__(
        self,
        db: Database | None = None,
        actor: Actor | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        first_page: str = "beranda",
    ):
        super().__init__(parent)
        assert settings is not None, "the window keeps its layout in the data folder's ui.ini"
        self.settings = settings
        save_dialog.use_settings(settings)  # save dialogs start in the remembered folder
        self.active_dialog: QDialog | None = None
        # Set by Pengguna → Keluar / ganti pengguna: the app asks for a login again.
        self.logout_requested = False
        self.badges: dict[str, int] = {}  # page key -> count shown in the sidebar
        self._closed = False
        self._attached = False
        self.profile: VillageProfile | None = None
        self.pages: dict[str, QWidget] = {}
        self._paths: AppPaths | None = None
        # Letters waiting for the kepala desa, kept for the Beranda when it is built.
        self._waiting: list[tuple[int, str]] = []
        self._build_frame()
        if db is not None and actor is not None:
            self.attach(db, actor, first_page)

    def _build_frame(self) -> None:
        """Sidebar, brand, an empty page saying the database is opening, status bar."""
        self.stack = QStackedWidget()
        self.opening_label = QLabel(self.tr("Membuka basis data…"))
        # Centred by the style sheet: the frame is built before anything touches the `Qt`
        # namespace, whose enums cost PySide ~15 ms to create (see `_application`).
        self.opening_label.setStyleSheet(
            "color: #5b6b7b; font-size: 15px; qproperty-alignment: AlignCenter;"
        )
        self.stack.addWidget(self.opening_label)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.setIconSize(QSize(18, 18))
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        for key in PAGE_KEYS:
            _label, icon = PAGES[key]
            item = QListWidgetItem(sidebar_icon(icon), "")  # row i is PAGE_KEYS[i]
            item.setSizeHint(QSize(SIDEBAR_WIDTH - 10, 40))
            self.sidebar.addItem(item)
        self.retranslate_sidebar()
        self.sidebar.currentRowChanged.connect(self._row_changed)

        brand = QLabel("<b>PESIAR</b> Desktop")
        brand.setWordWrap(True)
        brand.setStyleSheet(
            "background: #112840; color: white; padding: 14px 12px; font-size: 14px;"
        )
        side = QWidget()
        side.setFixedWidth(SIDEBAR_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.sidebar, 1)
        self.brand = brand

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(10, 8, 10, 4)
        content_layout.addWidget(self.stack)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.busy_label = QLabel(self.tr("Memproses…"))
        self.busy_label.hide()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.setWindowTitle(APP_NAME)
        geometry = self.settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def retranslate_sidebar(self) -> None:
        """Sidebar labels in the current language (again after a language switch at start),
        with a count badge where something waits for the user."""
        for row, key in enumerate(PAGE_KEYS):
            label = self.tr(PAGES[key][0])
            count = self.badges.get(key, 0)
            item = self.sidebar.item(row)
            item.setText(f"{label} {badge(count)}" if count else label)
            item.setToolTip(
                self.tr("{n} surat menunggu persetujuan Anda").format(n=count) if count else ""
            )

    def attach(self, db: Database, actor: Actor, first_page: str = "beranda") -> None:
        """Menus and pages for a logged-in actor on an open database, showing `first_page`
        (only it and the Penduduk page are built now; the others when first opened)."""
        from pesiar_desktop.services import village
        from pesiar_desktop.ui.bus import DataBus
        from pesiar_desktop.ui.pages.residents import ResidentsPage
        from pesiar_desktop.ui.tasks import TaskManager

        assert not self._attached, "a window is attached once"
        self._attached = True
        # Qt's own file dialog speaks the program's language (a native one speaks Windows').
        QtCore.QCoreApplication.setAttribute(
            QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True
        )
        self.db = db
        self.actor = actor
        self.tasks: TaskManager = TaskManager(db, self)
        self.bus: DataBus = DataBus(self)
        self.profile = village.get_profile(db)

        self.residents_page: ResidentsPage = ResidentsPage(db, self.tasks, self.bus, actor)
        self.pages = LazyPages(self._build_page)
        self.pages["penduduk"] = self.residents_page
        for key in PAGE_KEYS:  # an empty stand-in keeps each page's place in the stack
            self.stack.addWidget(self.pages[key] if key in self.pages else QWidget())
        self.stack.removeWidget(self.opening_label)
        self.opening_label.deleteLater()
        self.brand.setText(
            f"<b>PESIAR</b> Desktop<br><span style='color:#9fb3c8'>{self._place()}</span>"
        )
        self._build_menu()
        self.tasks.busy_changed.connect(self.busy_label.setVisible)
        self.bus.changed.connect(self._on_data_changed)
        self._update_title()
        self.residents_page.restore_state(self.settings)
        self.refresh_waiting()
        self.show_page(first_page)

    # ------------------------------------------------------------ building

    @property
    def home_page(self) -> HomePage:
        """The Beranda (built on first use when the window opened on another page)."""
        return cast("HomePage", self.pages["beranda"])

    @property
    def settings_page(self) -> SettingsPage:
        """Pengaturan (built on first use, like every page but the Beranda and Penduduk)."""
        return cast("SettingsPage", self.pages["pengaturan"])

    @property
    def restart_requested(self) -> bool:
        """A backup was restored on Pengaturan: the program logs in again on it."""
        page = self.pages.get("pengaturan")
        return bool(page is not None and page.backup_tab.restart_requested)  # type: ignore[attr-defined]

    def _build_page(self, key: str) -> QWidget:
        """A page opened for the first time: built, put in its place in the stack."""
        if key not in PAGE_KEYS:
            raise KeyError(key)
        index = PAGE_KEYS.index(key)
        builders = {
            "petakan": ("petakan", "PetakanPage"),
            "sisir": ("sisir", "SisirPage"),
            "registrasi": ("registrasi", "RegistrasiPage"),
            "agen": ("agents", "AgentsPage"),
            "laporan": ("laporan", "LaporanPage"),
            "pengaturan": ("settings", "SettingsPage"),
        }
        page: QWidget
        if key == "beranda":
            page = self._build_home()
        elif key in builders:
            module, name = builders[key]
            page_class = getattr(importlib.import_module(f"pesiar_desktop.ui.pages.{module}"), name)
            page = page_class(self.db, self.tasks, self.bus, self.actor)
        else:
            from pesiar_desktop.ui.pages.placeholder import PlaceholderPage

            page = PlaceholderPage(key)
        stand_in = self.stack.widget(index)
        assert stand_in is not None
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        if self._paths is not None:
            set_paths = getattr(page, "set_paths", None)
            if callable(set_paths):
                set_paths(self._paths)
        return page

    def _build_home(self) -> QWidget:
        from pesiar_desktop.ui.pages.home import HomePage

        home = HomePage(self.tasks, self.bus, self.profile)
        home.open_letter_requested.connect(self.open_letter)
        if self._waiting:
            home.set_waiting(self._waiting)
        return home

    def _place(self) -> str:
        if self.profile is None:
            return ""
        return f"{self.profile.title}<br>Kec. {self.profile.kecamatan_name}"

    def _build_menu(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Berkas"))
        self.backup_action = QtGui.QAction(icons.icon("fa5s.save"), self.tr("Cadangan…"), self)
        self.backup_action.triggered.connect(self.open_backups)
        file_menu.addAction(self.backup_action)
        self.audit_action = QtGui.QAction(icons.icon("fa5s.history"), self.tr("Log audit…"), self)
        self.audit_action.setVisible(self.actor.can("audit.read"))
        self.audit_action.triggered.connect(self.open_audit_log)
        file_menu.addAction(self.audit_action)
        file_menu.addSeparator()
        quit_action = QtGui.QAction(self.tr("&Tutup aplikasi"), self)
        quit_action.setShortcut(QtGui.QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        user_menu = menu.addMenu(self.tr("&Pengguna"))
        self.change_password_action = QtGui.QAction(
            icons.icon("fa5s.key"), self.tr("Ganti kata sandi…"), self
        )
        self.change_password_action.triggered.connect(self.open_change_password)
        user_menu.addAction(self.change_password_action)
        self.lock_action = QtGui.QAction(icons.icon("fa5s.lock"), self.tr("Kunci layar"), self)
        self.lock_action.setShortcut(QtGui.QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested.emit)
        user_menu.addAction(self.lock_action)
        user_menu.addSeparator()
        self.logout_action = QtGui.QAction(
            icons.icon("fa5s.sign-out-alt"), self.tr("Keluar / ganti pengguna"), self
        )
        self.logout_action.triggered.connect(self.log_out)
        user_menu.addAction(self.logout_action)
        help_menu = menu.addMenu(self.tr("B&antuan"))
        about = QtGui.QAction(self.tr("Tentang {app}").format(app=APP_NAME), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _update_title(self) -> None:
        who = self.actor.full_name or self.actor.username
        place = self.profile.title if self.profile else ""
        self.setWindowTitle(f"{APP_NAME} — {place} — {who}" if place else f"{APP_NAME} — {who}")
        self.user_label.setText(
            self.tr("Masuk sebagai {user} · {role}").format(
                user=self.actor.username, role=label_of(ROLES, self.actor.role, self.actor.role)
            )
        )

    # ------------------------------------------------------------ navigation

    def show_page(self, key: str) -> None:
        """Switch to a page by key: beranda, penduduk, petakan, agen, sisir, registrasi,
        laporan, pengaturan."""
        if key not in PAGE_KEYS or not self._attached:
            raise KeyError(key)
        row = PAGE_KEYS.index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # -> _row_changed
        else:
            self._activate(key)

    def current_page_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS) and self._attached:
            self._activate(PAGE_KEYS[row])

    def _activate(self, key: str) -> None:
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        activate = getattr(page, "activate", None)
        if callable(activate):
            activate()

    # ------------------------------------------------------------ actions

    def open_change_password(self) -> None:
        from pesiar_desktop.ui.dialogs.users import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, self.tasks, self.actor, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog

        def finished(result: int) -> None:
            self.active_dialog = None
            if result == QtWidgets.QDialog.DialogCode.Accepted:
                self.statusBar().showMessage(self.tr("Kata sandi sudah diganti."), 5000)

        dialog.finished.connect(finished)
        dialog.open()

    def set_paths(self, paths: AppPaths) -> None:
        """The data folder of this run: backups, letters opened for reading."""
        self._paths = paths  # and for the pages built later
        for page in self.pages.values():
            set_paths = getattr(page, "set_paths", None)
            if callable(set_paths):
                set_paths(paths)

    def log_out(self) -> None:
        """Back to the login box without restarting (app._run_interactive asks again)."""
        self.logout_requested = True
        self.close()

    def open_backups(self) -> None:
        self.show_page("pengaturan")
        self.settings_page.tabs.setCurrentWidget(self.settings_page.backup_tab)

    def open_audit_log(self) -> None:
        from pesiar_desktop.ui.dialogs.audit_log import AuditLogDialog

        dialog = AuditLogDialog(self.db, self.actor, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "active_dialog", None))
        dialog.open()

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("Tentang {app}").format(app=APP_NAME),
            self.tr(
                "<b>{app}</b> {version}<br>Register penduduk dan kerja PESIAR (Petakan, Sisir, "
                "Advokasi, Registrasi) untuk kepesertaan JKN di kantor desa."
            ).format(app=APP_NAME, version=__version__),
        )

    # ------------------------------------------------------------ waiting for the user

    def refresh_waiting(self) -> None:
        """Letters waiting for this user's approval (kepala desa): Beranda's notice and the
        sidebar badge on Agen & Penugasan."""
        if not self.actor.can("letters.approve"):
            return
        from pesiar_desktop.services import letters

        def job(_context: object) -> list[tuple[int, str]]:
            rows = letters.list_letters(self.db)
            drafts = sorted(
                (r for r in rows if r.status == letters.STATUS_DRAFT), key=lambda r: r.id
            )
            return [(r.id, f"{code_label(r.type_label)} · {r.subject}") for r in drafts]

        def done(drafts: list[tuple[int, str]]) -> None:
            self.badges = {"agen": len(drafts)}
            self.retranslate_sidebar()
            self._waiting = drafts
            if "beranda" in self.pages:
                self.home_page.set_waiting(drafts)

        self.tasks.run(job, done, key=f"main.waiting.{id(self)}")

    def open_letter(self, letter_id: int) -> None:
        self.show_page("agen")
        page = self.pages["agen"]
        show_letter = getattr(page, "show_letter", None)
        if callable(show_letter):
            show_letter(letter_id)

    def _on_data_changed(self, topic: Topic) -> None:
        from pesiar_desktop.services import village

        if topic == Topic.LETTERS:
            self.refresh_waiting()

        if topic == Topic.VILLAGE:
            self.profile = village.get_profile(self.db)
            if "beranda" in self.pages:
                self.home_page.set_profile(self.profile)
            self.brand.setText(
                f"<b>PESIAR</b> Desktop<br><span style='color:#9fb3c8'>{self._place()}</span>"
            )
            self._update_title()

    # ------------------------------------------------------------ state

    def save_state(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        if self._attached:
            self.residents_page.save_state(self.settings)
        self.settings.sync()

    def shutdown(self) -> None:
        """Save the layout, stop background work and listeners (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.save_state()
        if self._attached:
            self.tasks.shutdown()
            self.bus.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
