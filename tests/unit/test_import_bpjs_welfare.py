"""BPJS membership lists (through a saved mapping) and welfare lists."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import ImportFileError
from pesiar_desktop.models import Family, ImportBatch, Membership, MembershipHistory, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.services import imports
from tests.import_files import family, kk_number, nik, write_opensid, write_xlsx

BPJS_HEADERS = [
    "No",
    "NIK",
    "No Kartu",
    "Nama Peserta",
    "Segmen Peserta",
    "Status Peserta",
    "Kelas Rawat",
    "Kode FKTP",
    "Jml Bulan Tunggak",
]
BRANCH_MAPPING = ColumnMapping(
    "bpjs",
    {
        "nik": "NIK",
        "card_number": "No Kartu",
        "name": "Nama Peserta",
        "segment": "Segmen Peserta",
        "status": "Status Peserta",
        "jkn_class": "Kelas Rawat",
        "fktp_code": "Kode FKTP",
        "months_in_arrears": "Jml Bulan Tunggak",
    },
    {"segment": {"JAMKESDA": "PBI_APBD"}},
    name="Cabang Mataram",
)


@pytest.fixture
def register(village_db, admin, tmp_path):
    """Two families (six people) imported from an OpenSID file."""
    rows = family(1) + family(2, dusun="Dusun Timur", rt=3)
    preview = imports.preview_residents(village_db, write_opensid(tmp_path / "register.xlsx", rows))
    imports.commit_residents(village_db, admin, preview)
    imports.save_mapping(village_db, admin, BRANCH_MAPPING)
    return rows


def _membership(db, nik_value):
    with db.read() as s:
        rid = s.scalar(select(Resident.id).where(Resident.nik == nik_value))
        return s.get(Membership, rid), s.scalar(
            select(func.count(MembershipHistory.id)).where(MembershipHistory.resident_id == rid)
        )


def _bpjs_file(tmp_path, lines, name="bpjs.xlsx"):
    return write_xlsx(
        tmp_path / name,
        lines,
        BPJS_HEADERS,
        title_rows=[["DAFTAR PESERTA JKN DESA SUKA MAKMUR"], ["Data per 31 Oktober 2026"]],
        text_columns=["NIK", "No Kartu"],
    )


def test_bpjs_list_updates_memberships_and_reports(village_db, admin, register, tmp_path):
    head, wife, child, head2, wife2, _child2 = (r["nik"] for r in register)
    stranger = nik(date(1999, 9, 9), 1, 999)
    lines = [
        [1, head, "0001234567890", "KEPALA 1", "PBI (APBN)", "AKTIF", "KELAS III", "0112U031", 0],
        [
            2,
            wife,
            1234567891.0,
            "ISTRI 1",
            "PEKERJA MANDIRI",
            "TIDAK AKTIF",
            "KELAS 3",
            "0112U031",
            4,
        ],
        [3, head2, "0001234567892", "KEPALA 2", "JAMKESDA", "AKTIF", "III", "0112U031", ""],
        [
            4,
            wife2,
            "0001234567893",
            "ISTRI 2",
            "PPU BADAN USAHA",
            "NONAKTIF PHK",
            "2",
            "0112U031",
            0,
        ],
        [5, stranger, "0001234567899", "ORANG LAIN", "PBPU", "AKTIF", "1", "0112U031", 0],
        [6, child, "0001234567894", "ANAK 1", "PBI (APBN)", "KADALUARSA", "3", "0112U031", 0],
    ]
    preview = imports.preview_bpjs(village_db, _bpjs_file(tmp_path, lines), "Cabang Mataram")
    assert preview.list_date == date(2026, 10, 31)  # found in the title rows
    assert preview.counts() == {
        "total": 6,
        "new": 4,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "warnings": 1,
        "matched": 4,
        "not_in_register": 1,
        "missing_from_list": 0,
    }
    assert preview.rejected[0].message == "Kolom Status Peserta: status 'KADALUARSA' tidak dikenal"
    assert "nol di depan dikembalikan: 0001234567891" in preview.warnings[0].message
    assert preview.not_in_register[0].nik == stranger
    result = imports.commit_bpjs(village_db, admin, preview)
    assert result.counts["matched"] == 4
    current, history = _membership(village_db, head)
    assert (current.status, current.segment, current.jkn_class, current.as_of, current.source) == (
        codes.STATUS_ACTIVE,
        "PBI_APBN",
        3,
        date(2026, 10, 31),
        "bpjs",
    )
    assert history == 1
    current, _ = _membership(village_db, wife)
    assert (current.status, current.months_in_arrears, current.card_number) == (
        codes.STATUS_ARREARS,
        4,
        "0001234567891",
    )
    assert _membership(village_db, head2)[0].segment == "PBI_APBD"
    laid_off, _ = _membership(village_db, wife2)
    assert laid_off.status == codes.STATUS_INACTIVE_OTHER
    with village_db.read() as s:
        assert s.scalar(select(Resident.is_laid_off).where(Resident.nik == wife2)) is True
        batch = s.scalar(select(ImportBatch).where(ImportBatch.kind == "bpjs"))
        assert (batch.list_date, batch.new_count, batch.rejected_count) == (
            date(2026, 10, 31),
            4,
            1,
        )
    # The same list again: nothing changes, no history added.
    again = imports.preview_bpjs(village_db, _bpjs_file(tmp_path, lines), "Cabang Mataram")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    imports.commit_bpjs(village_db, admin, again)
    assert _membership(village_db, head)[1] == 1
    # A later list without the first head: reported as missing from the list.
    later = imports.preview_bpjs(
        village_db,
        _bpjs_file(tmp_path, lines[1:4], "nov.xlsx"),
        "Cabang Mataram",
        date(2026, 11, 30),
    )
    assert [m[0] for m in later.missing_from_list] == [head]


def test_bpjs_status_change_appends_history_dated_by_the_list(
    village_db, admin, register, tmp_path
):
    head = register[0]["nik"]
    first = [[1, head, "0001234567890", "KEPALA 1", "PBPU", "AKTIF", "3", "0112U031", 0]]
    imports.commit_bpjs(
        village_db,
        admin,
        imports.preview_bpjs(village_db, _bpjs_file(tmp_path, first), "Cabang Mataram"),
    )
    later = [[1, head, "0001234567890", "KEPALA 1", "PBPU", "MENUNGGAK", "3", "0112U031", 3]]
    path = _bpjs_file(tmp_path, later, "nov.xlsx")
    preview = imports.preview_bpjs(village_db, path, "Cabang Mataram", date(2026, 11, 30))
    assert preview.updated == 1
    imports.commit_bpjs(village_db, admin, preview)
    current, history = _membership(village_db, head)
    assert (current.status, current.as_of, history) == (codes.STATUS_ARREARS, date(2026, 11, 30), 2)
    with village_db.read() as s:
        dates = list(s.scalars(select(MembershipHistory.as_of).order_by(MembershipHistory.id)))
    assert dates == [date(2026, 10, 31), date(2026, 11, 30)]
    # An older list does not overwrite newer data.
    old = imports.preview_bpjs(
        village_db, _bpjs_file(tmp_path, first, "sep.xlsx"), "Cabang Mataram", date(2026, 9, 30)
    )
    assert old.unchanged == 1 and "lebih baru" in old.warnings[0].message


def test_bpjs_needs_a_saved_mapping(village_db, admin, register, tmp_path):
    path = _bpjs_file(tmp_path, [])
    with pytest.raises(NotFound, match="tidak ditemukan"):
        imports.preview_bpjs(village_db, path, "Tidak Ada")


def test_bpjs_damaged_nik_is_rejected(village_db, admin, register, tmp_path):
    lines = [
        [
            1,
            float(register[0]["nik"]),
            "0001234567890",
            "KEPALA 1",
            "PBPU",
            "AKTIF",
            "3",
            "0112U031",
            0,
        ]
    ]
    path = write_xlsx(tmp_path / "bpjs.xlsx", lines, BPJS_HEADERS)
    preview = imports.preview_bpjs(village_db, path, "Cabang Mataram", date(2026, 10, 1))
    assert "tersimpan sebagai bilangan" in preview.rejected[0].message
    report = imports.write_report(preview, tmp_path / "laporan.xlsx")
    assert load_workbook(report).sheetnames == [
        "Ditolak",
        "Peringatan",
        "Tidak di register",
        "Tidak ada di daftar",
    ]


def test_welfare_list_by_kk_and_nik_marks_poor_families(village_db, admin, register, tmp_path):
    headers = ["NO KK", "NIK", "NAMA", "DESIL"]
    lines = [
        [kk_number(1), "", "KEPALA 1", 2],
        ["", register[4]["nik"], "ISTRI 2", "7"],
        [float(kk_number(9)), "", "RUSAK", 1],  # Excel turned the No KK into a number
        [kk_number(8), "", "TIDAK ADA", 3],
        [kk_number(1), "", "KEPALA 1", 11],
    ]
    path = write_xlsx(tmp_path / "dtks.xlsx", lines, headers, title_rows=[["DTKS 2026"]])
    preview = imports.preview_welfare(village_db, path)
    assert preview.counts() == {
        "total": 5,
        "new": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 2,
        "warnings": 0,
        "not_in_register": 1,
        "poor_families": 1,
    }
    reasons = [n.message for n in preview.rejected]
    assert "Kolom NO KK: No KK tersimpan sebagai bilangan" in reasons[0]
    assert reasons[1] == "Kolom DESIL: desil 11 harus 1 sampai 10."
    imports.commit_welfare(village_db, admin, preview)
    with village_db.read() as s:
        deciles = dict(s.execute(select(Family.no_kk, Family.welfare_decile)).all())
    assert deciles == {kk_number(1): 2, kk_number(2): 7}
    again = imports.preview_welfare(village_db, path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_welfare_strict_and_mapping(village_db, admin, register, tmp_path):
    mapping = ColumnMapping("welfare", {"nik": "Nomor Induk", "decile": "Peringkat"}, name="P3KE")
    imports.save_mapping(village_db, admin, mapping)
    lines = [[register[0]["nik"], 1], ["123", 2]]
    path = write_xlsx(tmp_path / "p3ke.xlsx", lines, ["Nomor Induk", "Peringkat"])
    preview = imports.preview_welfare(village_db, path, "P3KE")
    assert len(preview.rejected) == 1 and preview.new == 1
    with pytest.raises(ValidationError):
        imports.commit_welfare(village_db, admin, preview, strict=True)
    with village_db.read() as s:
        assert (
            s.scalar(select(func.count(Family.id)).where(Family.welfare_decile.is_not(None))) == 0
        )


def test_welfare_without_recognisable_columns(village_db, admin, register, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [["a", 1]], ["Nama", "Nilai"])
    with pytest.raises(ImportFileError):
        imports.preview_welfare(village_db, path)
