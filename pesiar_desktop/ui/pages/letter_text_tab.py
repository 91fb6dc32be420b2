"""Pengaturan › Teks surat: the SK's Menimbang and Mengingat lists and the closing line of
each letter, edited with a live preview of the SK's first page; saving adds a version.

Checks run as the user types (the same `letter_text.problem` the service applies on save),
each message under its own list or line; only an administrator may save. The preview is
rendered in a worker (reportlab) and drawn with QtPdf when the module is there, else shown
as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.services import letter_text, letters, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.letter_text import LetterText, Version
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import (
    error_label,
    explain_read_only,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.write_op import run_write

try:  # QtPdf ships with PySide6 on the usual platforms; a text preview otherwise
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # pragma: no cover - depends on the PySide6 build
    QPdfDocument = None  # type: ignore[assignment,misc]

LOGO_THUMB = 56  # pixels of the logo shown in the tab
PREVIEW_DELAY_MS = 400  # wait for a pause in typing before rendering again
PREVIEW_WIDTH = 900  # pixels of the first page as drawn (then scaled to the pane)


class ListEditor(QWidget):
    """Numbered items: a list to pick, add, remove and move, and a box to edit the picked
    item (items are long sentences, too long for in-place editing)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # where one long item ends and the next begins
        self.list.setSpacing(1)
        self.list.setMinimumHeight(120)
        self.list.currentRowChanged.connect(self._picked)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Pilih butir di atas untuk mengubah teksnya."))
        self.editor.setMaximumHeight(80)
        self.editor.textChanged.connect(self._edited)
        self.add_button = QPushButton(self.tr("Tambah butir"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.up_button = QPushButton(self.tr("Naik"))
        self.down_button = QPushButton(self.tr("Turun"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.errors = error_label(self)
        self.errors.setObjectName(f"error_{name}")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        layout.addWidget(self.errors)
        self._loading = False
        self._editable = True
        self._buttons()

    def items(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_items(self, items: Sequence[str]) -> None:
        self._loading = True
        self.list.clear()
        self.list.addItems(list(items))
        self._loading = False
        self.list.setCurrentRow(0 if items else -1)
        self._picked(self.list.currentRow())

    def set_editable(self, editable: bool) -> None:
        self.editor.setReadOnly(not editable)
        self._editable = editable
        explain_read_only(
            editable, self.add_button, self.remove_button, self.up_button, self.down_button
        )
        self._buttons()

    def add(self) -> None:
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        self.list.insertItem(row, QListWidgetItem(""))
        self.list.setCurrentRow(row)
        self.editor.setFocus()
        self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.changed.emit()

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def show_errors(self, messages: Sequence[str]) -> None:
        self.errors.setText("\n".join(messages))
        self.errors.setVisible(bool(messages))

    def _picked(self, row: int) -> None:
        self._loading = True
        self.editor.setPlainText(self.list.item(row).text() if row >= 0 else "")
        self._loading = False
        self._buttons()

    def _edited(self) -> None:
        item = self.list.currentItem()
        if self._loading or item is None:
            return
        item.setText(self.editor.toPlainText())
        self.changed.emit()

    def _buttons(self) -> None:
        editable = self._editable
        row, count = self.list.currentRow(), self.list.count()
        self.add_button.setEnabled(editable and count < letter_text.MAX_ITEMS)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
        self.editor.setEnabled(row >= 0)


class LetterTextTab(QWidget):
    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.can_edit = actor.can("settings.edit")
        self.version: Version = Version(0, LetterText())
        self.menimbang = ListEditor("menimbang")
        self.mengingat = ListEditor("mengingat")
        self.closing: dict[str, QPlainTextEdit] = {}
        self.closing_errors: dict[str, QLabel] = {}
        form = QVBoxLayout()
        self.read_only_hint: QLabel | None = None
        if not self.can_edit:  # first, not below the long form: every button is greyed
            self.read_only_hint = hint_label(
                self.tr("Hanya administrator yang dapat mengubah teks surat.")
            )
            form.addWidget(self.read_only_hint)
        form.addWidget(self._kop_box())
        for title, editor in (
            (self.tr("Menimbang (SK pengangkatan agen)"), self.menimbang),
            (self.tr("Mengingat (dasar hukum SK)"), self.mengingat),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(editor)
            editor.set_editable(self.can_edit)
            editor.changed.connect(self._changed)
            form.addWidget(box)
        closing_box = QGroupBox(self.tr("Kalimat penutup"))
        closing_layout = QVBoxLayout(closing_box)
        for letter_type in letter_text.CLOSING_TYPES:
            edit = QPlainTextEdit()
            edit.setObjectName(f"closing_{letter_type}")
            edit.setMaximumHeight(64)
            edit.setReadOnly(not self.can_edit)
            edit.textChanged.connect(self._changed)
            error = error_label(self)
            error.setObjectName(f"error_closing_{letter_type}")
            closing_layout.addWidget(QLabel(self._closing_label(letter_type)))
            closing_layout.addWidget(edit)
            closing_layout.addWidget(error)
            self.closing[letter_type], self.closing_errors[letter_type] = edit, error
        form.addWidget(closing_box)
        form.addWidget(
            hint_label(
                self.tr(
                    "Tulis {desa} untuk nama desa dan {judul} untuk judul keputusan. Surat "
                    "yang sudah disetujui tetap memakai teks saat disetujui."
                )
            )
        )
        self.version_label = hint_label("")
        self.general_error = error_label(self)
        self.save_button = QPushButton(self.tr("Simpan teks surat"))
        self.save_button.clicked.connect(self.save)
        explain_read_only(self.can_edit, self.save_button)
        self.defaults_button = QPushButton(self.tr("Pakai teks bawaan"))
        self.defaults_button.setToolTip(
            self.tr("Mengisi kembali teks bawaan program (belum disimpan).")
        )
        self.defaults_button.clicked.connect(lambda: self._fill(LetterText()))
        self.defaults_button.setEnabled(self.can_edit)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b6e34;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.saved_label, 1)
        form.addWidget(self.version_label)
        form.addWidget(self.general_error)
        form.addLayout(buttons)
        form.addStretch(1)
        left = QWidget()
        left.setLayout(form)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setWidget(left)

        self.preview = QLabel(self.tr("Pratinjau sedang dibuat…"))
        self.preview.setObjectName("letter_text_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_scroll = QScrollArea()
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setWidget(self.preview)
        preview_box = QGroupBox(self.tr("Pratinjau SK (halaman pertama)"))
        QVBoxLayout(preview_box).addWidget(self.preview_scroll)
        self._page: QImage | None = None  # the last preview, scaled to the pane's width

        splitter = QSplitter()
        splitter.addWidget(left_scroll)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 440])  # the page readable beside the editors
        splitter.splitterMoved.connect(lambda *_: self._fit_page())
        QVBoxLayout(self).addWidget(splitter)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.render_preview)
        self.preview_shown = 0  # previews drawn so far (read by tests)
        self._filling = False
        self._stale = True
        self.load()

    def _kop_box(self) -> QGroupBox:
        """The logo of the kop surat; its text lines come from the village profile."""
        self.can_edit_logo = self.actor.can("village.edit")
        box = QGroupBox(self.tr("Kop surat"))
        layout = QVBoxLayout(box)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Nama desa, alamat, telepon dan email pada kop diambil dari tab Profil "
                    "desa. Logo dicetak di kiri kop (PNG atau JPEG, paling besar 1 MB)."
                )
            )
        )
        self.logo_label = QLabel()
        self.logo_label.setFixedSize(LOGO_THUMB + 8, LOGO_THUMB + 8)
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_label.setWordWrap(True)  # "Tanpa logo" is wider than the frame
        self.logo_label.setStyleSheet("border: 1px solid #c8c8c8;")
        self.logo_button = QPushButton(self.tr("Pilih logo…"))
        self.logo_button.clicked.connect(self._pick_logo)
        self.remove_logo_button = QPushButton(self.tr("Hapus logo"))
        self.remove_logo_button.clicked.connect(lambda: self.save_logo(None))
        self.logo_error = error_label(self)
        self.logo_error.setObjectName("error_logo")
        row = QHBoxLayout()
        row.addWidget(self.logo_label)
        row.addWidget(self.logo_button)
        row.addWidget(self.remove_logo_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.logo_error)
        self.logo_button.setEnabled(self.can_edit_logo)
        explain_read_only(
            self.can_edit_logo,
            self.logo_button,
            self.remove_logo_button,
            why=self.tr("Logo kop surat diubah oleh administrator."),
        )
        self._show_logo()
        return box

    def _show_logo(self) -> None:
        try:
            logo = village.letterhead(self.db).logo
        except PesiarError:
            logo = None
        pixmap = QPixmap()
        if logo and pixmap.loadFromData(logo):
            self.logo_label.setPixmap(
                pixmap.scaled(
                    LOGO_THUMB,
                    LOGO_THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_label.setPixmap(QPixmap())
            self.logo_label.setText(self.tr("Tanpa logo"))
        self.remove_logo_button.setEnabled(self.can_edit_logo and bool(logo))

    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo kop surat"), "", self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if path:
            self.save_logo(Path(path).read_bytes())

    def save_logo(self, data: bytes | None) -> None:
        self.logo_error.hide()
        run_write(
            self,
            self.tasks,
            lambda _c: village.set_logo(self.db, self.actor, data),
            on_success=lambda _r: self.village_changed(),
            on_error=self._logo_failed,
            busy=[self.logo_button, self.remove_logo_button],
        )

    def _logo_failed(self, err: BaseException) -> None:
        if isinstance(err, ValidationError):
            self.logo_error.setText("\n".join(err.field_errors.values()))
            self.logo_error.show()
        else:
            show_error(self, err)

    def village_changed(self) -> None:
        """The profile or logo changed: the kop in the preview follows."""
        self._show_logo()
        self._stale = True
        if self.isVisible():
            self.preview_timer.start()

    def _closing_label(self, letter_type: str) -> str:
        names = {
            letters.TYPE_SK: self.tr("SK: diktum terakhir (mulai berlaku)"),
            letters.TYPE_SURAT_TUGAS: self.tr("Surat Tugas"),
            letters.TYPE_PAKTA: self.tr("Pakta Integritas"),
        }
        return names[letter_type]

    # --- data -------------------------------------------------------------------------------

    def load(self) -> None:
        self.version = letter_text.current(self.db)
        self._fill(self.version.text)
        self._show_version()

    def text(self) -> LetterText:
        return LetterText(
            tuple(self.menimbang.items()),
            tuple(self.mengingat.items()),
            {t: edit.toPlainText() for t, edit in self.closing.items()},
        )

    def _fill(self, text: LetterText) -> None:
        self._filling = True
        self.menimbang.set_items(text.menimbang)
        self.mengingat.set_items(text.mengingat)
        for letter_type, edit in self.closing.items():
            edit.setPlainText(text.closing.get(letter_type, ""))
        self._filling = False
        self._changed()

    def _show_version(self) -> None:
        v = self.version
        if v.version == 0:
            self.version_label.setText(self.tr("Teks bawaan program (belum pernah diubah)."))
            return
        when = long_date(v.created_at.date()) if v.created_at else ""
        self.version_label.setText(
            self.tr("Versi {n}, disimpan oleh {who} pada {when}.").format(
                n=v.version, who=v.created_by, when=when
            )
        )

    # --- checking and saving ----------------------------------------------------------------

    def _changed(self) -> None:
        if self._filling:
            return
        self.saved_label.clear()
        problems = self._problems(self.text())
        self.save_button.setEnabled(self.can_edit and not problems)
        # Rendered only while the tab is seen (building the page renders nothing).
        self._stale = True
        if self.isVisible():
            self.preview_timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.preview_timer.start()

    def _problems(self, text: LetterText) -> dict[str, str]:
        try:
            letter_text.validate(text)
        except ValidationError as err:
            self.show_errors(err.field_errors)
            return err.field_errors
        self.show_errors({})
        return {}

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its list or closing line; the rest under the buttons."""
        placed: set[str] = set()
        for name, editor in (("menimbang", self.menimbang), ("mengingat", self.mengingat)):
            mine = [m for k, m in errors.items() if k == name or k.startswith(name + ".")]
            placed.update(k for k in errors if k == name or k.startswith(name + "."))
            editor.show_errors(mine)
        for letter_type, label in self.closing_errors.items():
            message = errors.get(f"closing.{letter_type}", "")
            placed.add(f"closing.{letter_type}")
            label.setText(message)
            label.setVisible(bool(message))
        rest = [m for k, m in errors.items() if k not in placed]
        self.general_error.setText("\n".join(rest))
        self.general_error.setVisible(bool(rest))

    def save(self) -> None:
        text = self.text()
        if self._problems(text):
            return
        run_write(
            self,
            self.tasks,
            lambda _c: letter_text.save(self.db, self.actor, text),
            on_success=self._saved,
            on_error=self._save_failed,
            busy=[self.save_button, self.defaults_button],
        )

    def _saved(self, version: Version) -> None:
        self.version = version
        self._show_version()
        self.saved_label.setText(self.tr("Teks surat tersimpan."))

    def _save_failed(self, err: BaseException) -> None:
        if isinstance(err, ValidationError):
            self.show_errors(err.field_errors)
        else:
            show_error(self, err)

    # --- preview ----------------------------------------------------------------------------

    def render_preview(self) -> None:
        if not self.isVisible():  # hidden or closing: drawn when shown again
            self._stale = True
            return
        self._stale = False
        text = self.text()
        try:
            text = letter_text.validate(text)
        except ValidationError:
            self._page = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(
                self.tr("Perbaiki teks yang ditandai merah untuk melihat pratinjau.")
            )
            return
        self.tasks.run(
            lambda _c: letters.sk_preview_pdf(self.db, text),
            self._show_preview,
            self._preview_failed,
            key=f"letter-text-preview-{id(self)}",
        )

    def _preview_failed(self, err: BaseException) -> None:
        self._page = None
        self.preview.setPixmap(QPixmap())
        self.preview.setText(str(err))

    def _show_preview(self, pdf: bytes) -> None:
        self._page = first_page_image(pdf, PREVIEW_WIDTH)
        if self._page is None:
            self.preview.setText(text_preview(self.text()))
        else:
            self._fit_page()
        self.preview_shown += 1

    def _fit_page(self) -> None:
        if self._page is None:
            return
        width = max(200, self.preview_scroll.viewport().width() - 24)
        self.preview.setPixmap(
            QPixmap.fromImage(self._page).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_page()

    def refresh(self) -> None:
        """After a data-changed notice: reload unless the user has unsaved edits."""
        if self.text().as_dict() == self.version.text.as_dict():
            self.load()


def first_page_image(pdf: bytes, width: int) -> QImage | None:
    """The first page drawn `width` pixels wide, or None without QtPdf or on a bad PDF."""
    if QPdfDocument is None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        return None
    page = document.pagePointSize(0)
    size = QSize(width, round(width * page.height() / page.width()))
    image = document.render(0, size)
    document.close()
    return None if image.isNull() else image


def text_preview(text: LetterText) -> str:
    """The lists as plain lines (when the PDF cannot be drawn)."""
    letters_abc = "abcdefghijklmnopqrstuvwxyz"
    lines = ["Menimbang:"]
    lines += [f"  {letters_abc[i % 26]}. {t}" for i, t in enumerate(text.menimbang)]
    lines.append("Mengingat:")
    lines += [f"  {i}. {t}" for i, t in enumerate(text.mengingat, 1)]
    return "\n".join(lines)
