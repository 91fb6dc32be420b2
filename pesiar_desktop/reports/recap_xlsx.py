"""The monthly recap workbook, laid out as a village office sends it to the BPJS branch.

xlsxwriter in constant-memory mode (rows streamed to disk as written): a 100,000-resident
village with 10,000 registrations writes in about the time the bare library needs for
the same cells. Every sheet: a title with the village and the month, a frozen header,
column widths, number/date/percent formats, identifiers (NIK, No KK, VA, phone) as text
cells, totals as SUM formulas with their values cached (so every reader sees them), and
the Rekap sheet closes with the kepala desa's signature block.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Format, Workbook
from xlsxwriter.worksheet import Worksheet

from pesiar_desktop.reportdata.recap import (
    DATE_COLUMNS,
    NUMBER_COLUMNS,
    PENDAFTARAN_COLUMNS,
    TEXT_ID_COLUMNS,
    RecapData,
    column_getters,
)
from pesiar_desktop.reportdata.targets import AreaSummary
from pesiar_desktop.reports.workbook import SafeWorkbook, SafeWorksheet, new_workbook
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fw
from pesiar_desktop.rules.formatting import long_date, month_year
from pesiar_desktop.rules.nik import mask_nik

SHEETS = (
    "Rekap",
    "Pendaftaran",
    "Usulan & Laporan",
    "Keaktifan",
    "Kunjungan",
    "Advokasi",
    "UHC per dusun",
    "Segmen",
    "Sasaran",
)
HEADER_ROW = 4  # 0-based: title, place, month, blank, header
FIRST_DATA_ROW = HEADER_ROW + 1

REKAP_HEADERS = [
    ("No", 5),
    ("Nama agen", 28),
    ("Wilayah tugas", 30),
    ("Target jiwa", 10),
    ("Realisasi jiwa (iuran pertama dibayar)", 14),
    ("% jiwa", 9),
    ("Target KK", 10),
    ("Realisasi KK", 11),
    ("% KK", 9),
    ("Kunjungan", 11),
    ("KK dikunjungi", 11),
    ("Kegiatan advokasi", 11),
    ("Didaftarkan bulan ini (PBPU, jiwa)", 13),
    ("Didaftarkan bulan ini (PBPU, KK)", 13),
    ("Belum bayar (KK)", 11),
    ("Diaktifkan kembali (jiwa)", 12),
    ("Diaktifkan kembali (KK)", 12),
]
COLUMN_WIDTHS: dict[str, float] = {
    "no": 6,
    "no_kk": 19,
    "nik": 19,
    "nama": 28,
    "hubungan": 16,
    "jk": 5,
    "ttl": 24,
    "alamat": 30,
    "rt_rw": 8,
    "kode_desa": 12,
    "kecamatan": 16,
    "kabupaten": 18,
    "fktp": 11,
    "kelas": 6,
    "no_hp": 15,
    "segmen": 10,
    "tgl_daftar": 11,
    "va": 18,
    "tgl_bayar": 11,
    "agen": 24,
    "tempat_lahir": 16,
    "tgl_lahir": 11,
    "dusun": 16,
    "status": 14,
    "iuran": 12,
    "jalur": 22,
}


class _Formats:
    def __init__(self, book: Workbook):
        border = {"border": 1, "border_color": "#9E9E9E", "valign": "top"}
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.subtitle = book.add_format({"font_size": 11})
        self.note = book.add_format({"italic": True, "font_color": "#555555"})
        self.header = book.add_format(
            {
                **border,
                "bold": True,
                "bg_color": "#DDEBF7",
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.text = book.add_format(border)
        self.wrap = book.add_format({**border, "text_wrap": True})
        self.ident = book.add_format({**border, "num_format": "@"})
        self.int = book.add_format({**border, "num_format": "#,##0"})
        self.date = book.add_format({**border, "num_format": "dd-mm-yyyy", "align": "center"})
        self.pct = book.add_format({**border, "num_format": "0.00%"})
        self.center = book.add_format({**border, "align": "center"})
        total = {**border, "bold": True, "bg_color": "#F2F2F2", "top": 2}
        self.total_label = book.add_format(total)
        self.total_int = book.add_format({**total, "num_format": "#,##0"})
        self.total_pct = book.add_format({**total, "num_format": "0.00%"})
        self.bold = book.add_format({"bold": True})
        self.bold_int = book.add_format({**border, "bold": True, "num_format": "#,##0"})
        self.bold_text = book.add_format({**border, "bold": True})
        self.bold_pct = book.add_format({**border, "bold": True, "num_format": "0.00%"})
        self.signature_name = book.add_format({"bold": True, "underline": True})


_CellWriter = Callable[[int, int, Any, Format], Any]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


class _Writer:
    def __init__(self, data: RecapData, book: SafeWorkbook, paper: str):
        self.data = data
        self.book = book
        self.f = _Formats(book)
        self.paper = paper

    # ------------------------------------------------------------ common parts

    def sheet(self, name: str, title: str, widths: Sequence[float]) -> SafeWorksheet:
        ws = self.book.add_worksheet(name)
        p = self.data.profile
        ws.write_string(0, 0, title, self.f.title)
        ws.write_string(
            1,
            0,
            f"{p.title}, Kecamatan {p.kecamatan_name}, {p.kabupaten_name} "
            f"(kode desa {p.region_code})",
            self.f.subtitle,
        )
        ws.write_string(2, 0, f"Bulan: {month_year(self.data.month)}", self.f.subtitle)
        for column, width in enumerate(widths):
            ws.set_column(column, column, width)
        ws.freeze_panes(FIRST_DATA_ROW, 0)
        ws.set_landscape()
        ws.set_paper(9 if self.paper.upper() == "A4" else 14)  # 14 = folio 8.5 x 13 in
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(HEADER_ROW)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.set_footer("&L&8PESIAR Desktop&R&8Halaman &P dari &N")
        return ws

    def header(self, ws: Worksheet, labels: Sequence[str]) -> None:
        ws.set_row(HEADER_ROW, 32)
        for column, label in enumerate(labels):
            ws.write_string(HEADER_ROW, column, label, self.f.header)

    def sum_formula(
        self, ws: Worksheet, row: int, column: int, first: int, last: int, value: int
    ) -> None:
        """=SUM over the column's data rows, with the value cached for readers."""
        if last < first:
            ws.write_number(row, column, 0, self.f.total_int)
            return
        top = xl_rowcol_to_cell(first, column)
        bottom = xl_rowcol_to_cell(last, column)
        ws.write_formula(row, column, f"=SUM({top}:{bottom})", self.f.total_int, value)

    def ratio_formula(
        self,
        ws: Worksheet,
        row: int,
        column: int,
        part_col: int,
        whole_col: int,
        value: float,
        fmt: Format | None = None,
    ) -> None:
        part = xl_rowcol_to_cell(row, part_col)
        whole = xl_rowcol_to_cell(row, whole_col)
        ws.write_formula(
            row, column, f"=IF({whole}=0,0,{part}/{whole})", fmt or self.f.total_pct, value
        )

    # ------------------------------------------------------------ sheets

    def rekap(self) -> None:
        data = self.data
        ws = self.sheet(
            "Rekap",
            "REKAPITULASI BULANAN PROGRAM PESIAR (PETAKAN, SISIR, ADVOKASI, REGISTRASI)",
            [w for _h, w in REKAP_HEADERS],
        )
        self.header(ws, [h for h, _w in REKAP_HEADERS])
        f = self.f
        row = FIRST_DATA_ROW
        for index, r in enumerate(data.rekap, start=1):
            ws.write_number(row, 0, index, f.center)
            ws.write_string(row, 1, r.name, f.text)
            ws.write_string(row, 2, r.area, f.wrap)
            ws.write_number(row, 3, r.target_people, f.int)
            ws.write_number(row, 4, r.paid_people, f.int)
            self.ratio_formula(ws, row, 5, 4, 3, _ratio(r.paid_people, r.target_people), f.pct)
            ws.write_number(row, 6, r.target_families, f.int)
            ws.write_number(row, 7, r.paid_families, f.int)
            self.ratio_formula(ws, row, 8, 7, 6, _ratio(r.paid_families, r.target_families), f.pct)
            for column, value in enumerate(
                (
                    r.visits,
                    r.families_visited,
                    r.advocacy_events,
                    r.registered_people,
                    r.registered_families,
                    r.unpaid_families,
                    r.reactivated_people,
                    r.reactivated_families,
                ),
                start=9,
            ):
                ws.write_number(row, column, value, f.int)
            row += 1
        last = row - 1
        ws.write_string(row, 0, "", f.total_label)
        ws.write_string(row, 1, "JUMLAH", f.total_label)
        ws.write_string(row, 2, "", f.total_label)
        sums = {
            3: sum(r.target_people for r in data.rekap),
            4: sum(r.paid_people for r in data.rekap),
            6: sum(r.target_families for r in data.rekap),
            7: sum(r.paid_families for r in data.rekap),
            9: sum(r.visits for r in data.rekap),
            10: sum(r.families_visited for r in data.rekap),
            11: sum(r.advocacy_events for r in data.rekap),
            12: sum(r.registered_people for r in data.rekap),
            13: sum(r.registered_families for r in data.rekap),
            14: sum(r.unpaid_families for r in data.rekap),
            15: sum(r.reactivated_people for r in data.rekap),
            16: sum(r.reactivated_families for r in data.rekap),
        }
        for column, value in sums.items():
            self.sum_formula(ws, row, column, FIRST_DATA_ROW, last, value)
        self.ratio_formula(ws, row, 5, 4, 3, _ratio(sums[4], sums[3]))
        self.ratio_formula(ws, row, 8, 7, 6, _ratio(sums[7], sums[6]))
        row += 2
        notes = [
            "Realisasi: anggota keluarga yang iuran pertamanya dibayar pada bulan ini "
            "(dasar perhitungan insentif agen).",
            "Didaftarkan bulan ini: pendaftaran PBPU baru yang diajukan pada bulan ini, tidak "
            "dibatalkan dan tidak kedaluwarsa; rinciannya di lembar Pendaftaran "
            f"({len(data.pendaftaran)} jiwa). Usulan PBI dan laporan PPU BU tidak termasuk "
            f"(lembar Usulan & Laporan, {len(data.proposals)} jiwa).",
            "Diaktifkan kembali: peserta menunggak yang tunggakannya lunas (bayar penuh atau "
            "cicilan REHAB terakhir) pada bulan ini; bukan peserta baru, tidak dihitung dalam "
            "realisasi target. Rinciannya di lembar Keaktifan.",
        ]
        for text in notes:
            ws.write_string(row, 1, text, f.note)
            row += 1
        self.signature(ws, row + 1, column=12)

    def signature(self, ws: Worksheet, row: int, column: int) -> None:
        p = self.data.profile
        office = "Lurah" if p.is_kelurahan else "Kepala Desa"
        ws.write_string(row, column, f"{p.desa_name}, {long_date(self.data.generated_on)}")
        ws.write_string(row + 1, column, f"{office} {p.desa_name},")
        ws.write_string(
            row + 6, column, p.kepala_desa_name or "(nama kepala desa)", self.f.signature_name
        )

    def pendaftaran(self) -> None:
        data = self.data
        keys = data.columns
        ws = self.sheet(
            "Pendaftaran",
            "DAFTAR PESERTA JKN YANG DIDAFTARKAN MELALUI PROGRAM PESIAR",
            [COLUMN_WIDTHS.get(k, 14) for k in keys],
        )
        self.header(ws, [PENDAFTARAN_COLUMNS[k] for k in keys])
        f = self.f
        columns = [
            (column, getter, *self._cell_writer(ws, key))
            for column, (key, getter) in enumerate(zip(keys, column_getters(data), strict=True))
        ]
        row = FIRST_DATA_ROW
        for index, person in enumerate(data.pendaftaran, start=1):
            for column, getter, write, cell_format in columns:
                write(row, column, getter(person, index), cell_format)
            row += 1
        ws.write_string(
            row,
            0,
            f"Jumlah: {len(data.pendaftaran)} jiwa dalam "
            f"{len({p.registration_id for p in data.pendaftaran})} KK",
            f.bold,
        )
        if data.masked:
            ws.write_string(
                row + 1, 0, "NIK dan No KK disamarkan untuk peran pengguna ini.", f.note
            )

    def _cell_writer(self, ws: SafeWorksheet, key: str) -> tuple[_CellWriter, Format]:
        """How one Pendaftaran column is written: (writer, its format). Text, the most
        cells, goes straight to the worksheet; a date or number column may hold None."""
        f = self.f
        if key in TEXT_ID_COLUMNS:
            return ws.string_at, f.ident
        if key in DATE_COLUMNS:
            blank_format = f.text

            def date_cell(row: int, column: int, value: Any, date_format: Format) -> Any:
                if value is None:
                    return ws.blank_at(row, column, None, blank_format)
                return ws.datetime_at(row, column, value, date_format)

            return date_cell, f.date
        if key in NUMBER_COLUMNS:
            blank_format = f.text

            def number_cell(row: int, column: int, value: Any, number_format: Format) -> Any:
                if value is None:
                    return ws.blank_at(row, column, None, blank_format)
                return ws.number_at(row, column, value, number_format)

            return number_cell, (f.center if key in ("no", "kelas") else f.int)
        return ws.string_at, f.text

    def kunjungan(self) -> None:
        headers = [
            ("No", 5),
            ("Tanggal", 11),
            ("Agen", 24),
            ("No KK", 19),
            ("Kepala Keluarga", 26),
            ("Dusun", 16),
            ("RT/RW", 8),
            ("Hasil kunjungan", 22),
            ("Alasan menolak", 22),
            ("Kunjungan ulang", 12),
            ("Topik", 30),
            ("Catatan", 30),
        ]
        ws = self.sheet("Kunjungan", "DAFTAR KUNJUNGAN RUMAH (SISIR)", [w for _h, w in headers])
        self.header(ws, [h for h, _w in headers])
        f = self.f
        masked = self.data.masked
        row = FIRST_DATA_ROW
        for index, v in enumerate(self.data.visits, start=1):
            ws.number_at(row, 0, index, f.center)
            ws.datetime_at(row, 1, v.visited_on, f.date)
            ws.string_at(row, 2, v.agent, f.text)
            ws.string_at(row, 3, mask_nik(v.no_kk) if masked else v.no_kk, f.ident)
            ws.string_at(row, 4, v.head, f.text)
            ws.string_at(row, 5, v.dusun, f.text)
            ws.string_at(row, 6, _rt_rw(v.rt, v.rw), f.ident)
            ws.string_at(row, 7, v.outcome, f.text)
            ws.string_at(row, 8, v.refusal, f.text)
            if v.revisit_on is None:
                ws.blank_at(row, 9, None, f.text)
            else:
                ws.datetime_at(row, 9, v.revisit_on, f.date)
            ws.string_at(row, 10, v.topics, f.wrap)
            ws.string_at(row, 11, v.note, f.wrap)
            row += 1
        ws.write_string(row, 0, f"Jumlah: {len(self.data.visits)} kunjungan", f.bold)

    def advokasi(self) -> None:
        headers = [
            ("No", 5),
            ("Tanggal", 11),
            ("Jenis kegiatan", 22),
            ("Tempat", 24),
            ("Sasaran / peserta", 24),
            ("Jumlah peserta", 10),
            ("Topik", 32),
            ("Agen", 24),
            ("Catatan", 30),
        ]
        ws = self.sheet("Advokasi", "DAFTAR KEGIATAN ADVOKASI", [w for _h, w in headers])
        self.header(ws, [h for h, _w in headers])
        f = self.f
        row = FIRST_DATA_ROW
        for index, e in enumerate(self.data.events, start=1):
            ws.write_number(row, 0, index, f.center)
            ws.write_datetime(row, 1, e.held_on, f.date)
            ws.write_string(row, 2, e.kind, f.text)
            ws.write_string(row, 3, e.place, f.text)
            ws.write_string(row, 4, e.audience, f.text)
            ws.write_number(row, 5, e.participants, f.int)
            ws.write_string(row, 6, e.topics, f.wrap)
            ws.write_string(row, 7, e.agent, f.text)
            ws.write_string(row, 8, e.note, f.wrap)
            row += 1
        for column in (0, 1, 2, 3, 4, 6, 7, 8):
            ws.write_string(row, column, "JUMLAH" if column == 1 else "", f.total_label)
        self.sum_formula(
            ws, row, 5, FIRST_DATA_ROW, row - 1, sum(e.participants for e in self.data.events)
        )

    def uhc(self) -> None:
        headers = [
            ("No", 5),
            ("Dusun", 22),
            ("Penduduk hidup", 12),
            ("KK", 10),
            ("Terdaftar JKN", 12),
            ("Peserta aktif", 12),
            ("Cakupan (terdaftar ÷ penduduk)", 14),
            ("Keaktifan (aktif ÷ terdaftar)", 14),
            ("Aktif ÷ penduduk", 12),
        ]
        data = self.data
        ws = self.sheet(
            "UHC per dusun",
            "CAKUPAN DAN KEAKTIFAN JKN PER DUSUN (UHC-DESA)",
            [w for _h, w in headers],
        )
        self.header(ws, [h for h, _w in headers])
        f = self.f
        row = FIRST_DATA_ROW
        for index, d in enumerate(data.dusun, start=1):
            ws.write_number(row, 0, index, f.center)
            ws.write_string(row, 1, d.dusun, f.text)
            ws.write_number(row, 2, d.residents, f.int)
            ws.write_number(row, 3, d.families, f.int)
            ws.write_number(row, 4, d.registered, f.int)
            ws.write_number(row, 5, d.active, f.int)
            self.ratio_formula(ws, row, 6, 4, 2, _ratio(d.registered, d.residents), f.pct)
            self.ratio_formula(ws, row, 7, 5, 4, _ratio(d.active, d.registered), f.pct)
            self.ratio_formula(ws, row, 8, 5, 2, _ratio(d.active, d.residents), f.pct)
            row += 1
        last = row - 1
        ws.write_string(row, 0, "", f.total_label)
        ws.write_string(row, 1, "DESA", f.total_label)
        totals = {
            2: sum(d.residents for d in data.dusun),
            3: sum(d.families for d in data.dusun),
            4: sum(d.registered for d in data.dusun),
            5: sum(d.active for d in data.dusun),
        }
        for column, value in totals.items():
            self.sum_formula(ws, row, column, FIRST_DATA_ROW, last, value)
        self.ratio_formula(ws, row, 6, 4, 2, _ratio(totals[4], totals[2]))
        self.ratio_formula(ws, row, 7, 5, 4, _ratio(totals[5], totals[4]))
        self.ratio_formula(ws, row, 8, 5, 2, _ratio(totals[5], totals[2]))
        when = (
            f"akhir bulan ({long_date(data.uhc_as_of)}, dari riwayat kepesertaan)"
            if data.uhc_from_history
            else f"keadaan register pada {long_date(data.uhc_as_of)}"
        )
        ws.write_string(row + 2, 1, f"Angka per {when}.", f.note)
        ws.write_string(
            row + 3,
            1,
            "Target UHC: cakupan ≥ 98 %. Predikat UHC Pratama: cakupan ≥ 98 % dan keaktifan "
            "≥ 80 %; Madya ≥ 98 % dan ≥ 85 %; Utama ≥ 99 % dan ≥ 95 %.",
            f.note,
        )

    def sasaran(self) -> None:
        categories = list(codes.TARGET_CATEGORIES)
        headers = [
            ("Dusun", 20),
            ("RW", 6),
            ("RT", 6),
            ("Penduduk hidup", 11),
            ("Terdaftar", 11),
            ("Aktif", 11),
            ("Sasaran tersisa", 11),
            ("Prioritas", 10),
            *((codes.TARGET_CATEGORIES[c], 14) for c in categories),
        ]
        ws = self.sheet(
            "Sasaran", "SASARAN PESIAR YANG BELUM TERJANGKAU (PETAKAN)", [w for _h, w in headers]
        )
        self.header(ws, [h for h, _w in headers])
        f = self.f
        row = FIRST_DATA_ROW
        dusun_rows: list[AreaSummary] = []
        for area in self.data.targets:
            is_dusun = area.rt_id is None
            if is_dusun:
                dusun_rows.append(area)
            text, number = (f.bold_text, f.bold_int) if is_dusun else (f.text, f.int)
            ws.write_string(row, 0, area.dusun, text)
            ws.write_string(row, 1, "" if is_dusun else area.rw, f.ident)
            ws.write_string(row, 2, "" if is_dusun else area.rt, f.ident)
            values = [
                area.residents,
                area.registered,
                area.active,
                area.targets,
                area.priority_targets,
                *(area.by_category.get(c, 0) for c in categories),
            ]
            for column, value in enumerate(values, start=3):
                ws.write_number(row, column, value, number)
            row += 1
        ws.write_string(row, 0, "JUMLAH DESA", f.total_label)
        ws.write_string(row, 1, "", f.total_label)
        ws.write_string(row, 2, "", f.total_label)
        totals = [
            sum(a.residents for a in dusun_rows),
            sum(a.registered for a in dusun_rows),
            sum(a.active for a in dusun_rows),
            sum(a.targets for a in dusun_rows),
            sum(a.priority_targets for a in dusun_rows),
            *(sum(a.by_category.get(c, 0) for a in dusun_rows) for c in categories),
        ]
        for column, value in enumerate(totals, start=3):
            # Sum only the dusun rows (the RT rows are their breakdown).
            ws.write_number(row, column, value, f.total_int)
        ws.write_string(
            row + 2,
            0,
            f"Keadaan register pada {long_date(self.data.generated_on)}; baris tebal = "
            "jumlah dusun, di bawahnya rincian per RT.",
            f.note,
        )

    def usulan(self) -> None:
        headers = [
            ("No", 5),
            ("Jalur", 26),
            ("No KK", 19),
            ("NIK", 19),
            ("Nama", 28),
            ("JK", 5),
            ("Tgl lahir", 11),
            ("Dusun", 16),
            ("RT/RW", 8),
            ("Tgl diajukan", 11),
            ("Status", 13),
            ("Agen", 24),
            ("Pemberi kerja (PPU BU)", 28),
        ]
        ws = self.sheet(
            "Usulan & Laporan",
            "USULAN PBI DAN LAPORAN PEKERJA BELUM DIDAFTARKAN PEMBERI KERJA (PPU BU)",
            [w for _h, w in headers],
        )
        self.header(ws, [h for h, _w in headers])
        f = self.f
        masked = self.data.masked
        row = FIRST_DATA_ROW
        for index, p in enumerate(self.data.proposals, start=1):
            ws.write_number(row, 0, index, f.center)
            ws.write_string(row, 1, fw.PATH_SHORT.get(p.path, p.path), f.text)
            ws.write_string(row, 2, mask_nik(p.no_kk) if masked else p.no_kk, f.ident)
            ws.write_string(row, 3, mask_nik(p.nik) if masked else p.nik, f.ident)
            ws.write_string(row, 4, p.name, f.text)
            ws.write_string(row, 5, "L" if p.sex == 1 else "P", f.center)
            ws.write_datetime(row, 6, p.birth_date, f.date)
            ws.write_string(row, 7, p.dusun, f.text)
            ws.write_string(row, 8, _rt_rw(p.rt, p.rw), f.ident)
            ws.write_datetime(row, 9, p.submitted_on, f.date)
            ws.write_string(row, 10, fw.REGISTRATION_STATUSES.get(p.status, p.status), f.text)
            ws.write_string(row, 11, p.agent, f.text)
            ws.write_string(row, 12, p.employer, f.wrap)
            row += 1
        for path, label in fw.PATH_SHORT.items():
            if path == fw.PATH_PBPU:
                continue
            people = [p for p in self.data.proposals if p.path == path]
            ws.write_string(
                row,
                1,
                f"{label}: {len(people)} jiwa dalam {len({p.registration_id for p in people})} KK",
                f.bold,
            )
            row += 1
        ws.write_string(
            row + 1,
            1,
            "Usulan PBI diteruskan ke Dinas Sosial dan laporan PPU BU ke kantor cabang BPJS; "
            "keduanya bukan pendaftaran oleh desa dan tidak dihitung sebagai didaftarkan.",
            f.note,
        )

    def keaktifan(self) -> None:
        headers = [
            ("No", 5),
            ("No KK", 19),
            ("Kepala Keluarga", 26),
            ("Dusun", 16),
            ("RT/RW", 8),
            ("Agen", 24),
            ("Cara", 16),
            ("Jiwa", 7),
            ("Bulan tunggakan (dihitung)", 11),
            ("Tunggakan (Rp)", 13),
            ("Dibayar bulan ini (Rp)", 13),
            ("Dibayar s.d. akhir bulan (Rp)", 14),
            ("Sisa (Rp)", 12),
            ("Tgl mulai", 11),
            ("Aktif kembali", 11),
        ]
        ws = self.sheet(
            "Keaktifan",
            "KEAKTIFAN: PESERTA MENUNGGAK YANG DIAKTIFKAN KEMBALI (BAYAR LUNAS DAN REHAB)",
            [w for _h, w in headers],
        )
        self.header(ws, [h for h, _w in headers])
        f = self.f
        masked = self.data.masked
        rows = self.data.keaktifan
        row = FIRST_DATA_ROW
        for index, k in enumerate(rows, start=1):
            ws.write_number(row, 0, index, f.center)
            ws.write_string(row, 1, mask_nik(k.no_kk) if masked else k.no_kk, f.ident)
            ws.write_string(row, 2, k.head, f.text)
            ws.write_string(row, 3, k.dusun, f.text)
            ws.write_string(row, 4, _rt_rw(k.rt, k.rw), f.ident)
            ws.write_string(row, 5, k.agent, f.text)
            kind = (
                f"REHAB {k.instalments}× cicilan"
                if k.kind == fw.REACTIVATION_REHAB
                else fw.REACTIVATION_KINDS.get(k.kind, k.kind)
            )
            ws.write_string(row, 6, kind, f.text)
            for column, value in enumerate(
                (k.people, k.months_counted, k.amount_owed, k.paid_in_month,
                 k.paid_to_month_end, k.remaining),
                start=7,
            ):  # fmt: skip
                ws.write_number(row, column, value, f.int)
            ws.write_datetime(row, 13, k.started_on, f.date)
            if k.completed_on is None:
                ws.write_string(row, 14, "belum", f.center)
            else:
                ws.write_datetime(row, 14, k.completed_on, f.date)
            row += 1
        last = row - 1
        for column in (0, 1, 2, 3, 4, 5, 6, 8, 13, 14):
            ws.write_string(row, column, "JUMLAH" if column == 2 else "", f.total_label)
        for column, value in (
            (7, sum(k.people for k in rows)),
            (9, sum(k.amount_owed for k in rows)),
            (10, sum(k.paid_in_month for k in rows)),
            (11, sum(k.paid_to_month_end for k in rows)),
            (12, sum(k.remaining for k in rows)),
        ):
            self.sum_formula(ws, row, column, FIRST_DATA_ROW, last, value)
        done = [k for k in rows if k.completed_on is not None and k.completed_on >= self.data.month]
        rehab = [k for k in rows if k.kind == fw.REACTIVATION_REHAB]
        ws.write_string(
            row + 2,
            2,
            f"Diaktifkan kembali bulan ini: {sum(k.people for k in done)} jiwa dalam "
            f"{len(done)} KK. Rencana REHAB: {len(rehab)} "
            f"({sum(1 for k in rehab if k.completed_on is None)} masih berjalan).",
            f.bold,
        )
        ws.write_string(
            row + 3,
            2,
            "Tunggakan dihitung paling banyak 24 bulan; REHAB untuk tunggakan 4–24 bulan, "
            "paling banyak 12 kali cicilan. Peserta aktif kembali setelah tunggakan lunas.",
            f.note,
        )

    def segmen(self) -> None:
        data = self.data
        segments = list(codes.SEGMENTS)
        headers: list[tuple[str, float]] = [("No", 5), ("Dusun", 20)]
        for code in segments:
            label = codes.SEGMENTS[code]
            headers += [(f"{label}: terdaftar", 12), (f"{label}: aktif", 11)]
        headers += [("Jumlah terdaftar", 11), ("Jumlah aktif", 11), ("Keaktifan", 10)]
        ws = self.sheet(
            "Segmen",
            "PESERTA JKN TERDAFTAR DAN AKTIF PER SEGMEN DAN DUSUN",
            [w for _h, w in headers],
        )
        self.header(ws, [h for h, _w in headers])
        ws.set_row(HEADER_ROW, 45)
        f = self.f
        by_dusun: dict[str, dict[str, tuple[int, int]]] = {}
        for s in data.segments:
            by_dusun.setdefault(s.dusun, {})[s.segment] = (s.registered, s.active)
        total_col = 2 + 2 * len(segments)
        row = FIRST_DATA_ROW
        for index, (dusun, cells) in enumerate(sorted(by_dusun.items()), start=1):
            ws.write_number(row, 0, index, f.center)
            ws.write_string(row, 1, dusun, f.text)
            for i, code in enumerate(segments):
                registered, active = cells.get(code, (0, 0))
                ws.write_number(row, 2 + 2 * i, registered, f.int)
                ws.write_number(row, 3 + 2 * i, active, f.int)
            registered = sum(r for r, _a in cells.values())
            active = sum(a for _r, a in cells.values())
            ws.write_number(row, total_col, registered, f.int)
            ws.write_number(row, total_col + 1, active, f.int)
            self.ratio_formula(ws, row, total_col + 2, total_col + 1, total_col,
                               _ratio(active, registered), f.pct)  # fmt: skip
            row += 1
        last = row - 1
        ws.write_string(row, 0, "", f.total_label)
        ws.write_string(row, 1, "DESA", f.total_label)
        for i, code in enumerate(segments):
            for offset, pick in ((0, 0), (1, 1)):
                value = sum(cells.get(code, (0, 0))[pick] for cells in by_dusun.values())
                self.sum_formula(ws, row, 2 + 2 * i + offset, FIRST_DATA_ROW, last, value)
        registered = sum(s.registered for s in data.segments)
        active = sum(s.active for s in data.segments)
        self.sum_formula(ws, row, total_col, FIRST_DATA_ROW, last, registered)
        self.sum_formula(ws, row, total_col + 1, FIRST_DATA_ROW, last, active)
        self.ratio_formula(ws, row, total_col + 2, total_col + 1, total_col,
                           _ratio(active, registered))  # fmt: skip
        row += 1
        ws.write_string(row, 1, "Keaktifan", f.bold_text)
        for i, code in enumerate(segments):
            registered = sum(cells.get(code, (0, 0))[0] for cells in by_dusun.values())
            active = sum(cells.get(code, (0, 0))[1] for cells in by_dusun.values())
            part, whole = (
                xl_rowcol_to_cell(row - 1, 3 + 2 * i),
                xl_rowcol_to_cell(row - 1, 2 + 2 * i),
            )
            ws.write_formula(row, 3 + 2 * i, f"=IF({whole}=0,0,{part}/{whole})", f.bold_pct,
                             _ratio(active, registered))  # fmt: skip
        when = (
            f"akhir bulan ({long_date(data.uhc_as_of)}, dari riwayat kepesertaan)"
            if data.uhc_from_history
            else f"keadaan register pada {long_date(data.uhc_as_of)}"
        )
        ws.write_string(
            row + 2,
            1,
            f"Penduduk hidup yang terdaftar JKN per {when}; keaktifan = aktif ÷ terdaftar. "
            "Jumlahnya sama dengan lembar UHC per dusun.",
            f.note,
        )


def _rt_rw(rt: str, rw: str) -> str:
    return f"{rt}/{rw}" if rw and rw != "-" else rt


def write_recap_xlsx(data: RecapData, path: Path | str, *, paper: str = "A4") -> Path:
    """Writes the sheets in `SHEETS` order; returns the path."""
    path = Path(path)
    book = new_workbook(
        path,
        title=f"Rekap PESIAR {month_year(data.month)} — {data.profile.title}",
        company=data.profile.title,
        constant_memory=True,
    )
    writer = _Writer(data, book, paper)
    writer.rekap()
    writer.pendaftaran()
    writer.usulan()
    writer.keaktifan()
    writer.kunjungan()
    writer.advokasi()
    writer.uhc()
    writer.segmen()
    writer.sasaran()
    book.close()
    return path
