"""Letter dialogs: draft a letter, revoke one with a reason, and "Verifikasi surat".

Public names used by tests: DraftLetterDialog (`type_combo`, `assignment_combo`,
`agent_combo`, `variant_combo`, `save()`, `saved_id`), RevokeDialog (`reason_edit`,
`error`, `save()`), VerifyDialog (`input_edit`, `check()`, `result_label`, `result`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.reportdata.letters import SIGNATURE_VARIANTS
from pesiar_desktop.services import agents, assignments, letters
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.forms import (
    code_items,
    error_label,
    fill_combo,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.write_op import run_write

RESULT_STYLES = {
    letters.VERIFY_VALID: "background:#e6f4ea; color:#1b6e34; border:1px solid #8bc79b;",
    letters.VERIFY_REVOKED: "background:#fdecea; color:#b3261e; border:1px solid #e7a39d;",
    letters.VERIFY_ALTERED: "background:#fdecea; color:#b3261e; border:1px solid #e7a39d;",
    letters.VERIFY_UNKNOWN: "background:#fff4c2; color:#4d3b00; border:1px solid #e6c84f;",
    letters.VERIFY_EXPIRED: "background:#fdecea; color:#b3261e; border:1px solid #e7a39d;",
    letters.VERIFY_INACTIVE: "background:#fdecea; color:#b3261e; border:1px solid #e7a39d;",
}


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Batal"))
    buttons.rejected.connect(dialog.reject)
    return buttons


class DraftLetterDialog(QDialog):
    """Choose the kind of letter and whom it is about; the service writes the draft."""

    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Buat konsep surat"))
        self.type_combo = QComboBox()
        fill_combo(self.type_combo, code_items(letters.LETTER_TYPES))
        self.assignment_combo = QComboBox()
        fill_combo(
            self.assignment_combo,
            [
                (f"{a.agent_name} — {a.areas} ({formatting.short_date(a.period_start)})", a.id)
                for a in assignments.list_assignments(db)
                if a.is_active
            ],
        )
        self.agent_combo = QComboBox()
        fill_combo(self.agent_combo, [(a.name, a.id) for a in agents.list_agents(db, True)])
        self.variant_combo = QComboBox()
        fill_combo(
            self.variant_combo, [(label, code) for code, label in SIGNATURE_VARIANTS.items()]
        )
        self.hint = hint_label("")
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Jenis surat"), self.type_combo)
        self.assignment_row = QLabel(self.tr("Penugasan"))
        form.addRow(self.assignment_row, self.assignment_combo)
        self.agent_row = QLabel(self.tr("Agen"))
        form.addRow(self.agent_row, self.agent_combo)
        form.addRow(self.tr("Ditandatangani"), self.variant_combo)
        form.addRow("", self.hint)
        buttons = _buttons(self, self.tr("Buat konsep"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self._type_changed()

    def _type_changed(self, *_args: object) -> None:
        kind = self.type_combo.currentData()
        needs_assignment = kind in (letters.TYPE_SURAT_TUGAS, letters.TYPE_ID_CARD)
        self.assignment_row.setVisible(needs_assignment)
        self.assignment_combo.setVisible(needs_assignment)
        self.agent_row.setVisible(kind == letters.TYPE_PAKTA)
        self.agent_combo.setVisible(kind == letters.TYPE_PAKTA)
        hints = {
            letters.TYPE_SK: self.tr("SK memuat semua penugasan aktif sebagai lampiran."),
            letters.TYPE_SURAT_TUGAS: self.tr("Dasar surat: SK pengangkatan yang sudah disetujui."),
            letters.TYPE_PAKTA: self.tr("Dicetak untuk ditandatangani agen di atas meterai."),
            letters.TYPE_ID_CARD: self.tr("Kartu memakai foto agen; berlaku sampai akhir tugas."),
        }
        self.hint.setText(
            hints.get(kind, "") + " " + self.tr("Nomor diberikan saat Kepala Desa menyetujui.")
        )

    def save(self) -> None:
        kind = self.type_combo.currentData()
        agent_id, chosen = self.agent_combo.currentData(), self.assignment_combo.currentData()
        variant = self.variant_combo.currentData()

        def write(_context: TaskContext) -> letters.LetterRow:
            if kind == letters.TYPE_PAKTA:
                return letters.draft(
                    self.db, self.actor, kind, agent_id=agent_id, signature_variant=variant
                )
            return letters.draft(
                self.db,
                self.actor,
                kind,
                assignment_ids=None if kind == letters.TYPE_SK else ([chosen] if chosen else []),
                signature_variant=variant,
            )

        def saved(row: letters.LetterRow) -> None:
            self.saved_id = row.id
            self.accept()

        def failed(err: BaseException) -> None:
            if not isinstance(err, PesiarError):
                show_error(self, err)
                return
            self.error.setText(str(err))
            self.error.show()
            self.adjustSize()

        run_write(self, self.tasks, write, on_success=saved, on_error=failed)


class RevokeDialog(QDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        letter: letters.LetterRow,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.letter = letter
        self.setWindowTitle(self.tr("Cabut surat"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Alasan pencabutan (wajib)"))
        self.reason_edit.setTabChangesFocus(True)
        self.error = error_label()
        info = QLabel(
            self.tr(
                "Surat nomor <b>{number}</b> akan DICABUT. Nomor dan isinya tetap tercatat; "
                "verifikasi akan menyatakan surat ini dicabut."
            ).format(number=letter.number)
        )
        info.setWordWrap(True)
        buttons = _buttons(self, self.tr("Cabut surat"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        letter_id, reason = self.letter.id, self.reason_edit.toPlainText()

        def failed(err: BaseException) -> None:
            if not isinstance(err, ValidationError):
                show_error(self, err)
                return
            self.error.setText("\n".join(err.field_errors.values()))
            self.error.show()

        run_write(
            self,
            self.tasks,
            lambda _c: letters.revoke(self.db, self.actor, letter_id, reason),
            on_success=lambda _r: self.accept(),
            on_error=failed,
        )


class VerifyDialog(QDialog):
    """Scan (a barcode scanner types the QR text and Enter) or type a payload or a number."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.verify_result: letters.VerifyResult | None = None
        self.setWindowTitle(self.tr("Verifikasi surat"))
        self.setMinimumWidth(560)
        self.input_edit = QLineEdit()
        self.input_edit.setPlaceholderText(
            self.tr("Pindai kode QR atau ketik nomor surat, lalu tekan Enter")
        )
        self.input_edit.returnPressed.connect(self.check)
        check = QPushButton(self.tr("Periksa"))
        check.clicked.connect(self.check)
        pdf = QPushButton(self.tr("Periksa berkas PDF…"))
        pdf.clicked.connect(self._check_pdf)
        row = QHBoxLayout()
        row.addWidget(self.input_edit, 1)
        row.addWidget(check)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setMinimumHeight(70)
        self.result_label.hide()
        # What the register says, field by field, to read out and compare with the paper.
        self.fields_box = QWidget()
        fields_form = QFormLayout(self.fields_box)
        self.field_values: dict[str, QLabel] = {}
        for key, label in (
            ("Jenis surat", self.tr("Jenis surat")),
            ("Nomor", self.tr("Nomor")),
            ("Tanggal", self.tr("Tanggal")),
            ("Agen", self.tr("Agen")),
            ("NIK agen", self.tr("NIK agen")),
            ("Wilayah tugas", self.tr("Wilayah tugas")),
            ("Masa tugas", self.tr("Masa tugas")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_values[key] = value
            fields_form.addRow(label, value)
        self.fields_box.hide()
        guide = QPushButton(self.tr("Panduan untuk warga (PDF)…"))
        guide.setToolTip(
            self.tr("Satu halaman: cara warga memeriksa keaslian surat dan kartu agen.")
        )
        guide.clicked.connect(self._save_guide)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Kode QR pada surat berisi nomor, tanggal, masa tugas dan sidik surat. "
                    "Hasil: SAH, DICABUT, KEDALUWARSA, TIDAK BERLAKU, DIUBAH / PALSU, atau "
                    "TIDAK DIKENAL, dengan isi surat yang tercatat untuk dicocokkan."
                )
            )
        )
        layout.addLayout(row)
        tools = QHBoxLayout()
        tools.addWidget(pdf)
        tools.addWidget(guide)
        tools.addStretch(1)
        layout.addLayout(tools)
        layout.addWidget(self.result_label)
        layout.addWidget(self.fields_box)
        layout.addStretch(1)
        layout.addWidget(close)
        self.input_edit.setFocus()

    def check(self) -> None:
        self._show(letters.verify(self.db, self.input_edit.text()))
        self.input_edit.selectAll()

    def _check_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih PDF surat"), "", "PDF (*.pdf)")
        if path:
            self._show(letters.verify_pdf(self.db, Path(path).read_bytes()))

    def _show(self, result: letters.VerifyResult) -> None:
        self.verify_result = result
        self.result_label.setStyleSheet(
            RESULT_STYLES[result.status] + " padding: 10px; border-radius: 4px; font-size: 13px;"
        )
        self.result_label.setText(
            f"<b style='font-size:16px'>{result.label}</b><br>{result.message}"
        )
        self.result_label.show()
        said = dict(result.fields())
        for key, value in self.field_values.items():
            value.setText(said.get(key, "-"))
        self.fields_box.setVisible(result.letter_id is not None)
        self.adjustSize()

    def _save_guide(self) -> None:
        path, _ = get_save_file_name(
            self,
            self.tr("Simpan panduan memeriksa keaslian"),
            "cara-memeriksa-keaslian-surat.pdf",
            "PDF (*.pdf)",
        )
        if path:
            try:
                Path(path).write_bytes(letters.verify_guide_pdf(self.db))
            except (OSError, PesiarError) as err:
                show_error(self, err)
