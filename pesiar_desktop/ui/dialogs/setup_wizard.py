"""First run: choose the desa from the national region list, its details, and the
first administrator; `services.village.setup` writes them in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.rules import regions
from pesiar_desktop.services import users, village
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import FieldErrors, error_label, hint_label
from pesiar_desktop.ui.widgets.forms import show_error as show_error_box
from pesiar_desktop.ui.write_op import run_write, show_field_errors

SEARCH_DEBOUNCE_MS = 200


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return form


class RegionPage(QWizardPage):
    """Provinsi → kabupaten/kota → kecamatan → desa/kelurahan, or search by name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Pilih desa Anda"))
        self.setSubTitle(
            self.tr(
                "Cari nama desa/kelurahan, atau pilih berurutan dari provinsi sampai desa "
                "(daftar wilayah Kemendagri 2025)."
            )
        )
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Ketik minimal 2 huruf nama desa, mis. Suka Makmur")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(130)
        self.results.hide()
        self.provinsi = QComboBox()
        self.kabupaten = QComboBox()
        self.kecamatan = QComboBox()
        self.desa = QComboBox()
        self.combos = (self.provinsi, self.kabupaten, self.kecamatan, self.desa)
        for combo in self.combos:
            combo.setMaxVisibleItems(20)
            combo.setMinimumContentsLength(30)
        self.code_label = QLabel()
        self.code_label.setStyleSheet("color: #5f6368;")
        self.errors = FieldErrors()
        form = _form()
        form.addRow(self.tr("Cari desa"), self.search_edit)
        form.addRow("", self.results)
        form.addRow(self.tr("Provinsi"), self.provinsi)
        form.addRow(self.tr("Kabupaten/Kota"), self.kabupaten)
        form.addRow(self.tr("Kecamatan"), self.kecamatan)
        form.addRow(self.tr("Desa/Kelurahan"), self.errors.field("region_code", self.desa))
        form.addRow("", self.code_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.results.itemActivated.connect(self._result_chosen)
        self.results.itemClicked.connect(self._result_chosen)
        for level, combo in enumerate(self.combos):
            combo.currentIndexChanged.connect(lambda _i, level=level: self._level_changed(level))
        self._fill(0, None)

    def _fill(self, level: int, parent_code: str | None) -> None:
        combo = self.combos[level]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— pilih —"), None)
        if level == 0 or parent_code is not None:
            for region in regions.children(parent_code):
                combo.addItem(region.name, region.code)
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)
        if level + 1 < len(self.combos):
            self._fill(level + 1, None)

    def _level_changed(self, level: int) -> None:
        code = self.combos[level].currentData()
        if level + 1 < len(self.combos):
            self._fill(level + 1, code)
        self._update_code()
        self.completeChanged.emit()

    def _update_code(self) -> None:
        code = self.region_code()
        self.code_label.setText(self.tr("Kode wilayah: {code}").format(code=code) if code else "")

    def region_code(self) -> str | None:
        value = self.desa.currentData()
        return str(value) if value else None

    def select_village(self, code: str) -> None:
        """Fills the whole chain for a village code (from a search result)."""
        chain = regions.village_chain(code)
        parent: str | None = None
        for level, region in enumerate(chain):
            self._fill(level, parent)
            combo = self.combos[level]
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(region.code))
            combo.blockSignals(False)
            parent = region.code
        self._update_code()
        self.completeChanged.emit()

    def run_search(self) -> None:
        self._timer.stop()
        found = regions.search_villages(self.search_edit.text(), limit=50)
        self.results.clear()
        for region, where in found:
            kind = "Kelurahan" if region.code.replace(".", "")[6:7] == "1" else "Desa"
            item = QListWidgetItem(f"{kind} {region.name} — {where}")
            item.setData(Qt.ItemDataRole.UserRole, region.code)
            self.results.addItem(item)
        if not found and len(self.search_edit.text().strip()) >= 2:
            item = QListWidgetItem(self.tr("Tidak ada desa dengan nama itu."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code:
            self.select_village(str(code))

    def isComplete(self) -> bool:
        return self.region_code() is not None


class DetailsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Data desa"))
        self.setSubTitle(
            self.tr("Dipakai pada kop surat dan laporan; dapat diubah nanti di Pengaturan.")
        )
        self.kepala_desa = QLineEdit()
        self.kepala_desa.setPlaceholderText(self.tr("mis. H. Lalu Ahmad"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("mis. Jl. Raya Gerung No. 1"))
        form = _form()
        form.addRow(self.tr("Nama kepala desa"), self.kepala_desa)
        form.addRow(self.tr("Alamat kantor desa"), self.address)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Dusun, RW dan RT dapat ditambahkan setelah penyiapan, di halaman "
                    "Pengaturan › Wilayah, atau terisi otomatis saat impor data penduduk."
                )
            )
        )
        layout.addStretch(1)


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Administrator pertama"))
        self.setSubTitle(
            self.tr(
                "Akun ini mengelola pengguna lain (operator, kepala desa, peninjau). "
                "Simpan kata sandinya baik-baik."
            )
        )
        self.errors = FieldErrors()
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("mis. sekdes"))
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("minimal {n} karakter").format(n=users.MIN_PASSWORD_LENGTH)
        )
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = _form()
        form.addRow(self.tr("Nama pengguna"), self.errors.field("username", self.username))
        form.addRow(self.tr("Nama lengkap"), self.errors.field("full_name", self.full_name))
        form.addRow(self.tr("Kata sandi"), self.errors.field("password", self.password))
        form.addRow(self.tr("Ulangi kata sandi"), self.errors.field("repeat", self.repeat))
        self.general_error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.username.text().strip():
            errors["username"] = self.tr("Nama pengguna wajib diisi.")
        if len(self.password.text()) < users.MIN_PASSWORD_LENGTH:
            errors["password"] = self.tr("Kata sandi minimal {n} karakter.").format(
                n=users.MIN_PASSWORD_LENGTH
            )
        elif self.password.text() != self.repeat.text():
            errors["repeat"] = self.tr("Kedua kata sandi tidak sama.")
        return errors


class SetupWizard(QWizard):
    """`profile` and `admin_username` are set when the village has been set up."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, tasks: TaskManager | None = None
    ):
        super().__init__(parent)
        self.db = db
        # Run before the main window (and its task manager) exists: a worker of its own
        # for the setup, which hashes the first password.
        self.tasks = tasks or TaskManager(db, self)
        self.profile: VillageProfile | None = None
        self.admin_username = ""
        self.setWindowTitle(self.tr("Penyiapan awal PESIAR Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        icon = QApplication.windowIcon()
        if not icon.isNull():
            self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon.pixmap(48, 48))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut ›"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("‹ Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.region_page = RegionPage()
        self.details_page = DetailsPage()
        self.admin_page = AdminPage()
        self.addPage(self.region_page)
        self.addPage(self.details_page)
        self.addPage(self.admin_page)
        self.resize(760, 560)

    def validateCurrentPage(self) -> bool:
        """On the last page: starts the setup in the worker and says no; once it has
        succeeded the wizard is accepted again and this says yes."""
        if self.currentPage() is not self.admin_page:
            return super().validateCurrentPage()
        if self.profile is not None:
            return True
        page = self.admin_page
        page.errors.clear()
        page.general_error.hide()
        errors = page.local_errors()
        if errors:
            page.errors.show(errors)
            return False
        code = self.region_page.region_code()
        if code is None:
            page.general_error.setText(self.tr("Desa belum dipilih (halaman pertama)."))
            page.general_error.show()
            return False
        username, password = page.username.text(), page.password.text()
        full_name = page.full_name.text()
        kepala_desa, address = (
            self.details_page.kepala_desa.text(),
            self.details_page.address.text(),
        )

        def done(profile: VillageProfile) -> None:
            self.admin_username = username.strip().lower()
            self.profile = profile
            self.accept()

        def failed(err: BaseException) -> None:
            if isinstance(err, ValidationError):
                show_field_errors(page.errors, page.general_error, self, err)
            else:
                show_error_box(self, err, self.tr("Penyiapan gagal"))

        run_write(
            self,
            self.tasks,
            lambda _c: village.setup(
                self.db,
                code,
                username,
                password,
                admin_full_name=full_name,
                kepala_desa_name=kepala_desa,
                address=address,
            ),
            on_success=done,
            on_error=failed,
            busy=[
                self.button(button)
                for button in (
                    QWizard.WizardButton.BackButton,
                    QWizard.WizardButton.FinishButton,
                    QWizard.WizardButton.CancelButton,
                )
            ],
        )
        return False
