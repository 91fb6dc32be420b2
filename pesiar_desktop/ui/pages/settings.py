"""Pengaturan: village profile, areas (dusun / RW / RT), user accounts, backups,
every setting of the registry (Pengaturan umum) and (administrators) the audit log.

Editing is offered by role (profile, users, backups, preferences: admin; areas:
admin and operator); the services check the role again on every write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.services import backup, settings, users, village
from pesiar_desktop.services.context import ROLES, Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.services.users import UserRow
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.audit_log import AuditLogWidget
from pesiar_desktop.ui.dialogs.backup_restore import RestorePreviewDialog
from pesiar_desktop.ui.dialogs.users import AddUserDialog, ResetPasswordDialog, RoleDialog
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, label_of
from pesiar_desktop.ui.pages.letter_text_tab import LetterTextTab
from pesiar_desktop.ui.pages.settings_general import TAB_TITLE, GeneralSettingsTab, where_to_change
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    error_label,
    explain_read_only,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.widgets.tables import EmptyNotice
from pesiar_desktop.ui.write_op import run_write, show_field_errors

PROFILE_LABELS = {
    "address": "Alamat kantor desa",
    "postal_code": "Kode pos",
    "phone": "Telepon",
    "email": "Email",
    "kepala_desa_name": "Nama kepala desa",
    "sekretaris_desa_name": "Nama sekretaris desa",
    "bendahara_name": "Nama bendahara (Kaur Keuangan)",
}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProfileTab(QWidget):
    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.can_edit = actor.can("village.edit")
        self.errors = FieldErrors()
        region = QGroupBox(self.tr("Wilayah (dari daftar Kemendagri)"))
        region_form = QFormLayout(region)
        self.region_labels: dict[str, QLabel] = {}
        for key, label in (
            ("region_code", self.tr("Kode wilayah")),
            ("desa_name", self.tr("Desa/Kelurahan")),
            ("kecamatan_name", self.tr("Kecamatan")),
            ("kabupaten_name", self.tr("Kabupaten/Kota")),
            ("provinsi_name", self.tr("Provinsi")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.region_labels[key] = value
            region_form.addRow(label, value)
        details = QGroupBox(self.tr("Data kantor desa"))
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in PROFILE_LABELS.items():
            edit = QLineEdit()
            edit.setReadOnly(not self.can_edit)
            self.edits[key] = edit
            form.addRow(self.tr(label), self.errors.field(key, edit))
        self.save_button = QPushButton(self.tr("Simpan profil"))
        self.save_button.setEnabled(self.can_edit)
        explain_read_only(
            self.can_edit, self.save_button, why=self.tr("Profil desa diubah oleh administrator.")
        )
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b6e34;")
        self.general_error = error_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        region.setMaximumWidth(760)
        details.setMaximumWidth(760)
        layout.addWidget(region)
        layout.addWidget(details)
        if not self.can_edit:
            layout.addWidget(
                hint_label(self.tr("Hanya administrator yang dapat mengubah profil desa."))
            )
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        profile = village.get_profile(self.db)
        if profile is None:
            return
        for key, label in self.region_labels.items():
            label.setText(str(getattr(profile, key)))
        for key, edit in self.edits.items():
            edit.setText(str(getattr(profile, key)))

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        self.saved_label.clear()
        fields = {key: edit.text() for key, edit in self.edits.items()}
        run_write(
            self,
            self.tasks,
            lambda _c: village.update_profile(self.db, self.actor, None, **fields),
            on_success=lambda _r: self.saved_label.setText(self.tr("Profil desa tersimpan.")),
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
            busy=[self.save_button],
        )


class AreasTab(QWidget):
    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.can_edit = actor.can("areas.write")
        self.errors = FieldErrors()
        self.table = _table([self.tr("Dusun"), self.tr("RW"), self.tr("RT")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.dusun = QComboBox()
        self.dusun.setEditable(True)
        self.dusun.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        dusun_line = self.dusun.lineEdit()
        if dusun_line is not None:
            dusun_line.setPlaceholderText(self.tr("nama dusun, mis. Krajan"))
        self.rw = QLineEdit()
        self.rw.setPlaceholderText(self.tr("mis. 1, atau - bila tanpa RW"))
        self.rt = QLineEdit()
        self.rt.setPlaceholderText(self.tr("mis. 3"))
        self.add_button = QPushButton(self.tr("Tambah RT"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Hapus RT terpilih"))
        self.remove_button.clicked.connect(self.remove)
        add_box = QGroupBox(self.tr("Tambah dusun / RW / RT"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("Dusun"), self.errors.field("dusun", self.dusun))
        form.addRow(self.tr("RW"), self.errors.field("rw", self.rw))
        form.addRow(self.tr("RT"), self.errors.field("rt", self.rt))
        form.addRow("", self.add_button)
        self.general_error = error_label(self)
        for widget in (self.dusun, self.rw, self.rt, self.add_button, self.remove_button):
            widget.setEnabled(self.can_edit)
        explain_read_only(
            self.can_edit,
            self.add_button,
            self.remove_button,
            why=self.tr("Dusun dan RT diubah oleh administrator atau operator."),
        )
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(add_box)
        right.addWidget(self.general_error)
        if not self.can_edit:
            right.addWidget(hint_label(self.tr("Peran Anda hanya dapat melihat daftar wilayah.")))
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.load()

    def load(self) -> None:
        areas = village.list_areas(self.db)
        self.table.setRowCount(len(areas))
        for row, area in enumerate(areas):
            for column, text in enumerate((area.dusun, area.rw, area.rt)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, area.rt_id)
                self.table.setItem(row, column, item)
        current = self.dusun.currentText()
        self.dusun.clear()
        self.dusun.addItems([name for _id, name in village.list_dusun(self.db)])
        self.dusun.setEditText(current)

    def add(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        dusun, rw, rt = self.dusun.currentText(), self.rw.text() or "-", self.rt.text()

        def added(_result: object) -> None:
            self.rt.clear()
            self.rt.setFocus()

        run_write(
            self,
            self.tasks,
            lambda _c: village.add_area(self.db, self.actor, dusun, rw, rt),
            on_success=added,
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
            busy=[self.add_button, self.remove_button],
        )

    def remove(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        cells = (self.table.item(row, column) for column in range(3))
        label = " / ".join(cell.text() for cell in cells if cell is not None)
        answer = QMessageBox.question(
            self,
            self.tr("Hapus RT"),
            self.tr("Hapus {area} dari daftar wilayah?").format(area=label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        rt_id = int(item.data(Qt.ItemDataRole.UserRole))
        run_write(
            self,
            self.tasks,
            lambda _c: village.remove_area(self.db, self.actor, rt_id),
            on_error=lambda err: show_error(self, err, self.tr("Tidak dapat dihapus")),
            busy=[self.add_button, self.remove_button],
        )


class UsersTab(QWidget):
    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.can_manage = actor.can("users.manage")
        self.active_dialog: QDialog | None = None
        self.table = _table(
            [
                self.tr("Nama pengguna"),
                self.tr("Nama lengkap"),
                self.tr("Peran"),
                self.tr("Aktif"),
                self.tr("Terakhir masuk"),
            ]
        )
        self.add_button = QPushButton(self.tr("Tambah pengguna"))
        self.role_button = QPushButton(self.tr("Ubah peran / nonaktifkan"))
        self.reset_button = QPushButton(self.tr("Atur ulang kata sandi"))
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.reset_button):
            button.setEnabled(self.can_manage)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if self.can_manage:
            layout.addWidget(self.table, 1)
            layout.addLayout(buttons)
        else:
            layout.addWidget(
                hint_label(
                    self.tr(
                        "Hanya administrator yang dapat melihat dan mengelola pengguna. "
                        "Anda dapat mengganti kata sandi sendiri melalui menu Pengguna."
                    )
                )
            )
            layout.addStretch(1)
        self._users: list[UserRow] = []
        self.load()

    def load(self) -> None:
        if not self.can_manage:
            return
        self._users = users.list_users(self.db)
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            last = user.last_login_at.strftime("%d-%m-%Y %H:%M") if user.last_login_at else "—"
            cells = (
                user.username,
                user.full_name,
                label_of(ROLES, user.role, user.role),
                self.tr("ya") if user.is_active else self.tr("tidak"),
                last,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected_user(self) -> UserRow | None:
        row = self.table.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.load())
        dialog.open()

    def add_user(self) -> None:
        self._open(AddUserDialog(self.db, self.tasks, self.actor, self))

    def change_role(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(RoleDialog(self.db, self.tasks, self.actor, user, self))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(ResetPasswordDialog(self.db, self.tasks, self.actor, user, self))


def _default_paths(db: Database) -> AppPaths:
    """The data folder is the SQLite file's folder unless the window is told otherwise."""
    name = db.engine.url.database if db.is_sqlite else None
    folder = Path(name).resolve().parent if name and name != ":memory:" else Path.cwd()
    return AppPaths(data_dir=folder, database_url=db.url)


BACKUP_KIND_LABELS = {
    "otomatis": QT_TRANSLATE_NOOP("BackupTab", "Otomatis"),
    "manual": QT_TRANSLATE_NOOP("BackupTab", "Manual"),
    "sebelum-pulih": QT_TRANSLATE_NOOP("BackupTab", "Sebelum pemulihan"),
    "sebelum-upgrade": QT_TRANSLATE_NOOP("BackupTab", "Sebelum pembaruan"),
    "": QT_TRANSLATE_NOOP("BackupTab", "Lain"),
}


class BackupTab(QWidget):
    """Cadangan: back up now / to a folder, restore with a preview, automatic backups.

    After a restore the window closes and `restart_requested` is set: the app then
    logs in again on the restored database (app.py), so nothing shows stale data.
    """

    restored = Signal(str)
    backed_up = Signal(str)  # the backup file made

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        paths: AppPaths | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.paths = paths or _default_paths(db)
        self.can_manage = actor.can("backup.manage")
        self.restart_requested = False
        self.active_dialog: QDialog | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setStyleSheet("color: #1b6e34;")
        layout = QVBoxLayout(self)
        if not db.is_sqlite:
            layout.addWidget(
                QLabel(self.tr("Mode PostgreSQL: cadangan dibuat dengan alat PostgreSQL."))
            )
            text = QPlainTextEdit(backup.PG_HELP)
            text.setReadOnly(True)
            layout.addWidget(text, 1)
            return
        if not self.can_manage:
            layout.addWidget(
                hint_label(
                    self.tr(
                        "Hanya administrator yang dapat membuat dan memulihkan cadangan. "
                        "Cadangan otomatis tetap dibuat setiap hari saat aplikasi dibuka."
                    )
                )
            )
            layout.addStretch(1)
            return
        self.backup_now_button = QPushButton(self.tr("Cadangkan sekarang"))
        self.backup_to_button = QPushButton(self.tr("Cadangkan ke folder… (flashdisk)"))
        self.restore_file_button = QPushButton(self.tr("Pulihkan dari berkas…"))
        self.restore_selected_button = QPushButton(self.tr("Pulihkan cadangan terpilih"))
        self.open_folder_button = QPushButton(self.tr("Buka folder cadangan"))
        self.backup_now_button.clicked.connect(self.backup_now)
        self.backup_to_button.clicked.connect(self.backup_to_folder)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.open_folder_button.clicked.connect(self.open_folder)
        actions = QHBoxLayout()
        for button in (self.backup_now_button, self.backup_to_button, self.restore_file_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.keep_label = hint_label("")

        self.table = _table(
            [self.tr("Jenis"), self.tr("Waktu"), self.tr("Ukuran"), self.tr("Berkas")]
        )
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.empty_notice = EmptyNotice(
            self.table,
            self.tr(
                "Belum ada cadangan di komputer ini. Tekan 'Cadangkan sekarang' untuk membuatnya."
            ),
        )
        below = QHBoxLayout()
        below.addWidget(self.restore_selected_button)
        below.addWidget(self.open_folder_button)
        below.addStretch(1)
        self.folder_label = hint_label("")
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.keep_label)
        layout.addWidget(QLabel(self.tr("Cadangan di komputer ini:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.folder_label)
        layout.addLayout(below)
        self.show_keep()
        self.load()

    def show_keep(self) -> None:
        if not (self.db.is_sqlite and self.can_manage):
            return
        self.keep_label.setText(
            self.tr(
                "Cadangan otomatis dibuat sekali sehari saat aplikasi dibuka; {count} yang "
                "terakhir disimpan (ubah di {place})."
            ).format(
                count=settings.read(self.db, SETTINGS.backup_keep),
                place=where_to_change(SETTINGS.backup_keep),
            )
        )

    def set_paths(self, paths: AppPaths) -> None:
        self.paths = paths
        self.load()

    def load(self) -> None:
        if not (self.db.is_sqlite and self.can_manage):
            return
        self.files = backup.list_backups(self.paths)
        self.table.setRowCount(len(self.files))
        for row, item in enumerate(self.files):
            cells = (
                self.tr(BACKUP_KIND_LABELS.get(item.kind, item.kind)),
                item.made_at.strftime("%d-%m-%Y %H:%M"),
                formatting.data_size(item.size_bytes),
                item.path.name,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, str(item.path))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.empty_notice.show_when(not self.files)
        self.folder_label.setText(self.tr("Folder: {folder}").format(folder=self.paths.backup_dir))

    # ------------------------------------------------------------ backing up

    def _buttons(self) -> list[QWidget]:
        return [
            self.backup_now_button,
            self.backup_to_button,
            self.restore_file_button,
            self.restore_selected_button,
        ]

    def _make(self, target: Path) -> None:
        """Backs up in the background; `backed_up` tells when the file is there."""

        def made(path: Path) -> None:
            self.status.setText(self.tr("Cadangan tersimpan: {file}").format(file=path))
            self.load()
            self.backed_up.emit(str(path))

        run_write(
            self,
            self.tasks,
            lambda _c: backup.make_backup(self.db, self.actor, target),
            on_success=made,
            on_error=lambda err: show_error(self, err, self.tr("Cadangan gagal")),
            progress_text=self.tr("Membuat cadangan…"),
            busy=self._buttons(),
        )

    def backup_now(self) -> None:
        self.paths.backup_dir.mkdir(parents=True, exist_ok=True)
        self._make(self.paths.backup_dir)

    def backup_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder tujuan cadangan (mis. flashdisk)")
        )
        if folder:
            self._make(Path(folder))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.backup_dir)))

    # ------------------------------------------------------------ restoring

    def restore_from_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas cadangan"),
            str(self.paths.backup_dir),
            self.tr("Cadangan PESIAR (*.sqlite3 *.db);;Semua berkas (*)"),
        )
        if name:
            self.restore(Path(name))

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.restore(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def restore(self, path: Path) -> None:
        """Preview, then (if confirmed) restore and close the window for a fresh login."""
        try:
            preview = backup.inspect_backup(path)
            if preview.newer_schema:
                raise backup.NotABackup(
                    self.tr(
                        "Cadangan ini dibuat oleh versi PESIAR Desktop yang lebih baru "
                        "(skema {revision}). Perbarui aplikasi dulu."
                    ).format(revision=preview.revision)
                )
            current = backup.current_counts(self.db)
        except PesiarError as err:
            show_error(self, err, self.tr("Tidak dapat dipulihkan"))
            return
        dialog = RestorePreviewDialog(preview, current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.accepted.connect(lambda: self._do_restore(path))
        dialog.open()

    def _do_restore(self, path: Path) -> None:
        self.active_dialog = None
        paths = self.paths
        run_write(
            self,
            self.tasks,
            lambda _c: backup.restore_backup(self.db, self.actor, path, paths),
            on_success=lambda result: self._restored(path, result),
            on_error=lambda err: show_error(self, err, self.tr("Pemulihan gagal")),
            progress_text=self.tr("Memulihkan cadangan…"),
            busy=self._buttons(),
        )

    def _restored(self, path: Path, result: backup.RestoreResult) -> None:
        self.restart_requested = True
        self.restored.emit(str(path))
        QMessageBox.information(
            self,
            self.tr("Pemulihan selesai"),
            self.tr(
                "Data dipulihkan dari {file}: {residents} penduduk, {families} keluarga.\n"
                "Data sebelumnya disimpan di {saved}.\n\n"
                "Jendela ditutup sekarang; silakan masuk kembali."
            ).format(
                file=path.name,
                residents=result.counts_after.get("residents", 0),
                families=result.counts_after.get("families", 0),
                saved=result.saved_current or "-",
            ),
        )
        top = self.window()
        if top is not self:
            top.close()


class SettingsPage(QWidget):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
        paths: AppPaths | None = None,
    ):
        super().__init__(parent)
        title = QLabel(self.tr("Pengaturan"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.profile_tab = ProfileTab(db, tasks, actor)
        self.areas_tab = AreasTab(db, tasks, actor)
        self.users_tab = UsersTab(db, tasks, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.profile_tab, self.tr("Profil desa"))
        self.tabs.addTab(self.areas_tab, self.tr("Wilayah"))
        self.tabs.addTab(self.users_tab, self.tr("Pengguna"))
        self.backup_tab = BackupTab(db, tasks, actor, paths)
        self.tabs.addTab(self.backup_tab, self.tr("Cadangan"))
        self.general_tab = GeneralSettingsTab(db, tasks, actor)
        self.tabs.addTab(self.general_tab, self.tr(TAB_TITLE))
        self.letter_text_tab = LetterTextTab(db, tasks, actor)
        self.tabs.addTab(self.letter_text_tab, self.tr("Teks surat"))
        self.audit_tab: AuditLogWidget | None = None
        if actor.can("audit.read"):
            self.audit_tab = AuditLogWidget(db, actor)
            self.tabs.addTab(self.audit_tab, self.tr("Log audit"))
            self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_data_changed)

    def set_paths(self, paths: AppPaths) -> None:
        """The data folder of this run (backups live in its `backups/`)."""
        self.backup_tab.set_paths(paths)

    def activate(self) -> None:
        """Small tables: loaded when built and on data-changed notices."""

    def _tab_changed(self, index: int) -> None:
        if self.audit_tab is not None and self.tabs.widget(index) is self.audit_tab:
            self.audit_tab.reload_choices()
            self.audit_tab.load()

    def _on_data_changed(self, topic: Topic) -> None:
        if topic == Topic.VILLAGE:
            self.profile_tab.load()
            self.letter_text_tab.village_changed()
        elif topic == Topic.AREAS:
            self.areas_tab.load()
        elif topic == Topic.USERS:
            self.users_tab.load()
        elif topic == Topic.LETTERS:
            self.letter_text_tab.refresh()
        elif topic == Topic.SETTINGS:
            self.general_tab.refresh()
            self.backup_tab.show_keep()
