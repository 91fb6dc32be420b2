"""Indonesian everywhere: Qt's own buttons and dialogs (message boxes, the file dialog, the
wizard, text fields' menus, date pickers) speak Indonesian, and numbers, sizes and months
are written the Indonesian way. Fails when a visible English word from Qt's defaults
appears on a page or a dialog."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.dialogs.setup_wizard import SetupWizard
from pesiar_desktop.ui.main_window import PAGE_KEYS
from pesiar_desktop.ui.qt_indonesian import TRANSLATIONS
from tests.ui.visible_text import visible_texts

# Qt's English words (source texts of the contexts we translate), "&" dropped; the ones
# that are the same in Indonesian (OK, Drive, Folder...) are not English words here.
ENGLISH = sorted(
    (
        {
            source.replace("&", "").strip(" .:<>")
            for table in TRANSLATIONS.values()
            for source, target in table.items()
            if source.replace("&", "") != target.replace("&", "")
            and len(source) > 2
            and "%" not in source
            and "\n" not in source
        }
        | {"Look in", "Yes", "Cancel", "Back", "Next", "Finish", "December", "Show Details"}
    )
    - {"No"}  # "No KK", "No HP": Indonesian for "Nomor" (the &No button is checked by its text)
)
_PATTERN = re.compile(r"\b(" + "|".join(re.escape(word) for word in ENGLISH) + r")\b")


def english_words(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        match = _PATTERN.search(text.replace("&", ""))
        if match:
            found.append(f"{match.group(0)!r} in {text[:100]!r}")
    return found


def test_qt_standard_buttons_and_dialogs_speak_indonesian(qtbot, indonesian):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Hapus",
        "Hapus data ini?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
    )
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    box.show()
    texts = [b.text() for b in box.buttons()]
    assert {"&Ya", "&Tidak", "Batal"} <= set(texts)
    assert english_words(visible_texts(box)) == []

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(buttons)
    assert english_words([b.text() for b in buttons.buttons()]) == []

    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        files = QFileDialog(None, "Simpan berkas")
        files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        files.setAcceptMode(mode)
        qtbot.addWidget(files)
        files.show()
        assert english_words(visible_texts(files, max_rows=5)) == []
        labels = " ".join(visible_texts(files, max_rows=0))
        assert "Lihat di" in labels and "Nama berkas" in labels
        files.close()

    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.show()
    assert english_words(visible_texts(progress)) == []

    field = QLineEdit("teks")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    actions = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Salin" in actions and english_words(actions) == []


def test_the_print_dialog_speaks_indonesian(qtbot, indonesian, tmp_path):
    """Cetak tanda terima on Linux shows Qt's own print dialog: its printer box, options
    and properties are Indonesian ("Printer", "Name:", "Options >>" were English)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QPushButton

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(tmp_path / "tanda-terima.pdf"))
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    for button in dialog.findChildren(QPushButton):
        if button.text().replace("&", "").startswith("Pilihan"):
            button.click()  # the options part too
    texts = visible_texts(dialog, max_rows=5)
    assert english_words(texts) == []
    joined = " ".join(texts)
    assert "Cetak" in joined and "Salinan" in joined
    dialog.close()


def test_the_setup_wizard_speaks_indonesian(qtbot, indonesian, village_db):
    wizard = SetupWizard(village_db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert english_words(visible_texts(wizard)) == []


def test_numbers_sizes_and_months_are_indonesian(qtbot, indonesian):
    assert formatting.data_size(2_700_000) == "2,7 MB"
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"
    money = QSpinBox()
    money.setRange(0, 10_000_000)
    money.setPrefix("Rp")
    money.setGroupSeparatorShown(True)
    money.setValue(1_345_000)
    qtbot.addWidget(money)
    assert money.text() == "Rp1.345.000"
    month = QDateEdit(QDate(2026, 12, 1))
    month.setDisplayFormat("MMMM yyyy")
    qtbot.addWidget(month)
    assert month.text() == "Desember 2026"
    calendar = QCalendarWidget()
    calendar.setSelectedDate(QDate(2026, 12, 1))
    qtbot.addWidget(calendar)
    calendar.show()
    assert "Desember" in " ".join(visible_texts(calendar))


def test_no_page_shows_a_qt_english_word(qtbot, indonesian, make_window, admin, filled):
    window = make_window(admin)
    found: list[str] = []
    for key in PAGE_KEYS:
        window.show_page(key)
        qtbot.wait(200)
        page: QWidget = window.pages[key]
        found += [f"{key}: {hit}" for hit in english_words(visible_texts(page))]
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isVisible():
                    tabs.setCurrentIndex(index)
                    qtbot.wait(100)
                    hits = english_words(visible_texts(page))
                    found += [f"{key} › {tabs.tabText(index)}: {hit}" for hit in hits]
    assert found == []
