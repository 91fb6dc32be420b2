"""Qt's own words in Indonesian: PySide6 ships no `qtbase_id.qm`, so the standard buttons
(Yes/No/Cancel), the non-native file dialog, the print dialog, the wizard buttons, the text fields' context
menus and the key names would stay English. This translator answers for them.

The (context, source) pairs are the ones Qt asks for (found by installing a translator
that logs every request while the dialogs are open); sizes, numbers and month names come
from the Indonesian default locale instead (`app.load_language`).
"""

from __future__ import annotations

import ctypes

from PySide6.QtCore import QObject, QTranslator

# PySide6 (6.12) passes a null `disambiguation` to a Python translator as None without
# taking a reference to None, and drops one when the call returns. Qt asks without a
# disambiguation nearly every time (a file or print dialog asks ~1,700 times), so each
# lookup left None one reference short: after a few dozen file dialogs in one session the
# count reached zero and the interpreter aborted ("deallocating None"). `translate` takes
# the reference PySide should have taken; were PySide fixed, that would only be an extra
# reference to None, which is harmless (tests/ui/test_qt_words.py watches the count).
_take_reference = ctypes.PYFUNCTYPE(None, ctypes.py_object)(("Py_IncRef", ctypes.pythonapi))

_PLATFORM_THEME = {
    "OK": "OK",
    "Save": "Simpan",
    "Save All": "Simpan semua",
    "Open": "Buka",
    "&Yes": "&Ya",
    "Yes to &All": "Ya untuk &semua",
    "&No": "&Tidak",
    "N&o to All": "T&idak untuk semua",
    "Abort": "Hentikan",
    "Retry": "Coba lagi",
    "Ignore": "Abaikan",
    "Close": "Tutup",
    "Cancel": "Batal",
    "Discard": "Buang",
    "Help": "Bantuan",
    "Apply": "Terapkan",
    "Reset": "Atur ulang",
    "Restore Defaults": "Kembalikan bawaan",
}

_FILE_DIALOG = {
    "&Choose": "&Pilih",
    "&Delete": "&Hapus",
    "&Look in:": "&Lihat di:",
    "&New Folder": "Folder &baru",
    "&Open": "&Buka",
    "&Rename": "&Ganti nama",
    "&Save": "&Simpan",
    "All Files (*)": "Semua berkas (*)",
    "All Files (*.*)": "Semua berkas (*.*)",
    "Back": "Kembali",
    "Change to detail view mode": "Tampilkan rincian",
    "Change to list view mode": "Tampilkan daftar",
    "Create New Folder": "Buat folder baru",
    "Create a New Folder": "Buat folder baru",
    "Detail View": "Tampilan rincian",
    "Directories": "Folder",
    "Directory:": "Folder:",
    "File &name:": "&Nama berkas:",
    "File": "Berkas",
    "File Folder": "Folder berkas",
    "Files": "Berkas",
    "Files of &type:": "&Jenis berkas:",
    "Find Directory": "Cari folder",
    "Folder": "Folder",
    "Forward": "Maju",
    "Go back": "Kembali",
    "Go forward": "Maju",
    "Go to the parent directory": "Ke folder di atasnya",
    "List View": "Tampilan daftar",
    "List of places and bookmarks": "Daftar tempat dan penanda",
    "My Computer": "Komputer",
    "New Folder": "Folder baru",
    "Open": "Buka",
    "Parent Directory": "Folder di atasnya",
    "Recent Places": "Tempat terakhir",
    "Save As": "Simpan sebagai",
    "Show ": "Tampilkan ",
    "Show &hidden files": "Tampilkan berkas &tersembunyi",
    "Sidebar": "Panel samping",
    "Are you sure you want to delete '%1'?": "Yakin akan menghapus '%1'?",
    "Could not delete directory.": "Folder tidak dapat dihapus.",
    "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nTimpa berkas itu?",
    "'%1' is write protected.\nDo you want to delete it anyway?": (
        "'%1' dilindungi dari perubahan.\nTetap hapus?"
    ),
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nBerkas tidak ditemukan.\nPeriksa lagi nama berkasnya."
    ),
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nFolder tidak ditemukan.\nPeriksa lagi nama foldernya."
    ),
}

_FILE_MODEL = {
    "Computer": "Komputer",
    "Date Modified": "Tanggal diubah",
    "Name": "Nama",
    "Size": "Ukuran",
    "Type": "Jenis",
    "Kind": "Jenis",
    "My Computer": "Komputer",
}

_EDIT_MENU = {
    "&Copy": "&Salin",
    "&Paste": "&Tempel",
    "&Redo": "&Ulangi",
    "&Undo": "&Batalkan",
    "Cu&t": "Po&tong",
    "Delete": "Hapus",
    "Select All": "Pilih semua",
    "Copy &Link Location": "Salin alamat &tautan",
}

_SCROLL_BAR = {
    "Scroll here": "Gulir ke sini",
    "Left edge": "Tepi kiri",
    "Top": "Atas",
    "Right edge": "Tepi kanan",
    "Bottom": "Bawah",
    "Page left": "Halaman kiri",
    "Page up": "Halaman atas",
    "Page right": "Halaman kanan",
    "Page down": "Halaman bawah",
    "Scroll left": "Gulir ke kiri",
    "Scroll up": "Gulir ke atas",
    "Scroll right": "Gulir ke kanan",
    "Scroll down": "Gulir ke bawah",
}

# The print dialog Qt draws where the system has none of its own (Linux; Cetak tanda
# terima): the printer, the options (pages, copies, colour, two-sided) and Properties.
_PRINT_DIALOG = {
    "&Options >>": "&Pilihan >>",
    "&Options <<": "&Pilihan <<",
    "&Print": "&Cetak",
    "Print": "Cetak",
    "All Pages": "Semua halaman",
    "Even Pages": "Halaman genap",
    "Odd Pages": "Halaman ganjil",
    "Local file": "Berkas di komputer ini",
    "Print to File (PDF)": "Cetak ke berkas (PDF)",
    "Write PDF file": "Tulis berkas PDF",
    "Bottom to Top, Left to Right": "Bawah ke atas, kiri ke kanan",
    "Bottom to Top, Right to Left": "Bawah ke atas, kanan ke kiri",
    "Left to Right, Bottom to Top": "Kiri ke kanan, bawah ke atas",
    "Left to Right, Top to Bottom": "Kiri ke kanan, atas ke bawah",
    "Right to Left, Bottom to Top": "Kanan ke kiri, bawah ke atas",
    "Right to Left, Top to Bottom": "Kanan ke kiri, atas ke bawah",
    "Top to Bottom, Left to Right": "Atas ke bawah, kiri ke kanan",
    "Top to Bottom, Right to Left": "Atas ke bawah, kanan ke kiri",
}

_PRINT_WIDGET = {
    "&Name:": "&Nama:",
    "Location:": "Lokasi:",
    "Output &file:": "&Berkas keluaran:",
    "P&roperties": "P&roperti",
    "Preview": "Pratinjau",
    "Printer": "Printer",
    "Type:": "Jenis:",
}

_PRINT_OPTIONS = {
    "Collate": "Susun per salinan",
    "Color Mode": "Mode warna",
    "Color": "Warna",
    "Copies": "Salinan",
    "Copies:": "Salinan:",
    "Current Page": "Halaman ini",
    "Double Sided Printing": "Cetak bolak-balik",
    "Grayscale": "Hitam putih",
    "Long side binding": "Jilid sisi panjang",
    "Off": "Mati",
    "Options": "Pilihan",
    "Output Settings": "Pengaturan keluaran",
    "Page &Set:": "&Kumpulan halaman:",
    "Pages from": "Halaman dari",
    "Pages": "Halaman",
    "Print all": "Cetak semua",
    "Print range": "Rentang cetak",
    "Reverse": "Urutan terbalik",
    "Selection": "Pilihan",
    "Short side binding": "Jilid sisi pendek",
    "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
    "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": "Tulis halaman "
    "atau rentang, dipisah koma; rentang ditulis dua angka dengan tanda hubung. Mis. 3,5-7,9 "
    "mencetak halaman 3, 5, 6, 7 dan 9.",
    "to": "sampai",
}

_PAGE_SETUP = {
    "Custom": "Ukuran sendiri",
    "Height:": "Tinggi:",
    "Landscape": "Mendatar",
    "Margins": "Margin",
    "Orientation": "Orientasi",
    "Page &order:": "&Urutan halaman:",
    "Page Layout": "Tata letak halaman",
    "Page size:": "Ukuran kertas:",
    "Pages &per sheet:": "Halaman &per lembar:",
    "Paper source:": "Sumber kertas:",
    "Paper": "Kertas",
    "Portrait": "Tegak",
    "Reverse landscape": "Mendatar terbalik",
    "Reverse portrait": "Tegak terbalik",
    "Width:": "Lebar:",
    "Millimeters (mm)": "Milimeter (mm)",
    "Inches (in)": "Inci (in)",
    "Points (pt)": "Poin (pt)",
    "bottom margin": "margin bawah",
    "left margin": "margin kiri",
    "right margin": "margin kanan",
    "top margin": "margin atas",
}

TRANSLATIONS: dict[str, dict[str, str]] = {
    "QPlatformTheme": _PLATFORM_THEME,
    "QDialogButtonBox": {**_PLATFORM_THEME, "&OK": "&OK", "&Cancel": "&Batal"},
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian…",
        "Hide Details...": "Sembunyikan rincian…",
        "OK": "OK",
        "&OK": "&OK",
    },
    "QFileDialog": _FILE_DIALOG,
    "QFileSystemModel": _FILE_MODEL,
    "QAbstractFileIconProvider": {"Drive": "Drive", "Folder": "Folder", "File": "Berkas"},
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QAbstractSpinBox": {
        "&Select All": "&Pilih semua",
        "&Step up": "&Naik",
        "Step &down": "&Turun",
    },
    "QScrollBar": _SCROLL_BAR,
    "QWizard": {
        "< &Back": "< &Kembali",
        "&Next >": "&Lanjut >",
        "&Next": "&Lanjut",
        "&Finish": "&Selesai",
        "Cancel": "Batal",
        "Commit": "Simpan",
        "Continue": "Lanjut",
        "Done": "Selesai",
        "Go Back": "Kembali",
        "Help": "Bantuan",
    },
    "QProgressDialog": {"Cancel": "Batal"},
    "QInputDialog": {"Enter a value:": "Isi nilainya:"},
    "QShortcut": {
        "Backspace": "Backspace",
        "Del": "Del",
        "Space": "Spasi",
        "Left": "Kiri",
        "Right": "Kanan",
        "Up": "Atas",
        "Down": "Bawah",
        "Print": "Print",
    },
    "QColorDialog": {},
    "QPrintDialog": _PRINT_DIALOG,
    "QPrintWidget": _PRINT_WIDGET,
    "QPrintSettingsOutput": _PRINT_OPTIONS,
    "QPageSetupWidget": _PAGE_SETUP,
    "QPrintPropertiesDialog": {
        "Printer Properties": "Properti printer",
        "Job Options": "Pilihan pencetakan",
    },
    "QPrintPropertiesWidget": {
        "Advanced": "Lanjutan",
        "Page": "Halaman",
        "There are conflicts in some options. Please fix them.": "Beberapa pilihan "
        "bertentangan. Perbaiki dulu.",
    },
}


class QtIndonesian(QTranslator):
    """Answers Qt's own translation requests from `TRANSLATIONS`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if disambiguation is None:
            _take_reference(None)  # see above
        table = TRANSLATIONS.get(context)
        if table is None:
            return None
        return table.get(source)
