"""Pages whose work arrives in later releases: they say what is coming, never blank."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pesiar_desktop.ui import icons


def _t(text: str) -> str:
    return QCoreApplication.translate("PlaceholderPage", text)


# key -> (title, icon, paragraphs)
COMING: dict[str, tuple[str, str, list[str]]] = {
    "petakan": (
        "Petakan",
        "fa5s.map-marked-alt",
        [
            "Di sini desa akan memetakan siapa yang perlu dijangkau: impor data penduduk dari "
            "OpenSID atau SIAK, daftar status kepesertaan dari BPJS Kesehatan cabang, dan data "
            "kesejahteraan DTKS/DTSEN (desil).",
            "Hasilnya peta sasaran per dusun dan RT: penduduk yang belum terdaftar JKN, yang "
            "menunggak, yang dikeluarkan dari PBI, korban PHK, ibu hamil, anak stunting, dan "
            "pekerja formal yang belum didaftarkan pemberi kerjanya, diurutkan menurut prioritas.",
        ],
    ),
    "agen": (
        "Agen & Penugasan",
        "fa5s.user-tie",
        [
            "Daftar Agen PESIAR desa (kader, perangkat desa, PKK, karang taruna, relawan) "
            "dengan wilayah binaannya, target bulanan (misalnya 35 jiwa atau 13 KK) dan "
            "skema insentif dari Dana Desa.",
            "Dari sini juga akan dicetak SK Kepala Desa tentang penetapan agen, Surat Tugas "
            "tiap agen, dan kartu identitas agen agar warga dapat membedakan agen resmi.",
        ],
    ),
    "sisir": (
        "Sisir & Advokasi",
        "fa5s.walking",
        [
            "Rencana kunjungan rumah per agen dan per RT mengikuti peta sasaran, lembar kerja "
            "lapangan yang dapat dicetak, dan catatan hasil setiap kunjungan (bersedia, menolak, "
            "perlu kunjungan ulang).",
            "Kegiatan advokasi dengan tokoh dan forum desa (posyandu, musdes, PKK) juga dicatat "
            "di sini beserta jumlah peserta dan tindak lanjutnya.",
        ],
    ),
    "registrasi": (
        "Registrasi",
        "fa5s.id-card",
        [
            "Pencatatan pendaftaran keluarga sebagai peserta JKN: nomor virtual account (VA), "
            "tanggal jatuh tempo iuran pertama, pembayaran, dan tanggal kartu aktif.",
            "Keluarga akan menerima tanda terima; daftar yang belum membayar iuran pertama "
            "menjadi pengingat bagi agen.",
        ],
    ),
    "laporan": (
        "Laporan",
        "fa5s.chart-bar",
        [
            "Rekap cakupan (UHC) dan keaktifan JKN per dusun, per segmen, per agen dan per "
            "bulan, siap diekspor ke Excel atau PDF untuk kecamatan, kabupaten dan BPJS "
            "Kesehatan cabang.",
            "Daftar pembayaran insentif agen untuk bendahara desa (Siskeudes) juga akan tersedia.",
        ],
    ),
}


class PlaceholderPage(QWidget):
    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        title_text, icon_name, paragraphs = COMING[key]
        icon = QLabel()
        icon.setPixmap(icons.icon(icon_name, color="#1a73e8").pixmap(56, 56))
        title = QLabel(_t(title_text))
        title.setStyleSheet("font-size: 22px; font-weight: 600;")
        badge = QLabel(_t("Segera hadir"))
        badge.setStyleSheet(
            "background: #e8f0fe; color: #1a56b8; border-radius: 10px; padding: 3px 10px;"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(icon)
        layout.addWidget(title)
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        for text in paragraphs:
            label = QLabel(_t(text))
            label.setWordWrap(True)
            label.setMaximumWidth(720)
            label.setStyleSheet("font-size: 14px; color: #3c4043;")
            layout.addWidget(label)
        layout.addStretch(1)
        self.text = "\n".join(_t(text) for text in paragraphs)

    def activate(self) -> None:
        """Nothing to load yet."""
