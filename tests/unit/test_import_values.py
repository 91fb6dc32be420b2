"""Pure parsing of messy spreadsheet cells (rules/import_values.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pesiar_desktop.rules import codes
from pesiar_desktop.rules import import_values as iv


@pytest.mark.parametrize(
    "cell",
    [
        5201014101900001.0,  # a number cell: Excel keeps only 15 digits
        5.20101e15,
        "5.20101E+15",
        "5,20101E+15",
        "5201014101900001.0",
    ],
)
def test_nik_damaged_by_excel_is_refused_with_the_fix(cell):
    with pytest.raises(iv.ValueProblem, match="Ubah format kolom menjadi Teks"):
        iv.parse_id_number(cell, "NIK")


def test_text_ending_in_0000_is_an_impossible_serial_not_excel_damage():
    """Issue 18: a SIAK-style export whose NIKs end in 0000 was told Excel damaged them."""
    for cell in ("5201014101900000", "5201 0141 0190 0000"):
        with pytest.raises(iv.ValueProblem) as err:
            iv.parse_id_number(cell, "No KK")
        assert "nomor urut" in str(err.value) and "0000 tidak mungkin" in str(err.value)
        assert "Excel" not in str(err.value)
    # A number cell (Excel kept 15 digits) still gets the Excel explanation.
    with pytest.raises(iv.ValueProblem, match="Excel"):
        iv.parse_id_number(5201014101900000.0, "NIK")


def test_nik_text_is_kept_with_separators_removed():
    assert iv.parse_id_number(" 5201.0141 0190-0012 ", "NIK") == "5201014101900012"
    assert iv.parse_id_number("'5201014101900012", "NIK") == "5201014101900012"
    assert iv.parse_id_number("", "NIK") == ""


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(1990, 8, 17, 0, 0), date(1990, 8, 17)),
        (date(1990, 8, 17), date(1990, 8, 17)),
        (33102.0, date(1990, 8, 17)),  # Excel serial
        ("33102", date(1990, 8, 17)),
        ("17/08/1990", date(1990, 8, 17)),
        ("17-08-1990", date(1990, 8, 17)),
        ("17.08.1990", date(1990, 8, 17)),
        ("7-8-1990", date(1990, 8, 7)),
        ("1990-08-17", date(1990, 8, 17)),
        ("1990-08-17 00:00:00", date(1990, 8, 17)),
        ("17 Agustus 1990", date(1990, 8, 17)),
        ("17 AGT 1990", date(1990, 8, 17)),
        ("17-Agu-1990", date(1990, 8, 17)),
        ("1 Pebruari 2001", date(2001, 2, 1)),
        ("3 Nopember 1975", date(1975, 11, 3)),
        ("5 mei 1966", date(1966, 5, 5)),
        ("  ", None),
    ],
)
def test_dates_in_every_listed_form(cell, expected):
    assert iv.parse_date(cell) == expected


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31-02-1990", "tidak ada di kalender"),
        ("1990-02-31", "tidak ada di kalender"),
        ("17-08-19x0", "tidak dikenali"),
        ("1a-08-1990", "tidak dikenali"),
        ("17 Agustusan 1990", "Nama bulan"),
        ("kemarin", "tidak dikenali"),
        (True, "benar/salah"),
    ],
)
def test_bad_dates_say_why(cell, message):
    with pytest.raises(iv.ValueProblem, match=message):
        iv.parse_date(cell)


def test_date_found_in_a_title_line():
    assert iv.find_date_in_text("DATA PESERTA JKN PER 31 Oktober 2026") == date(2026, 10, 31)
    assert iv.find_date_in_text("Keadaan: 01/09/2026") == date(2026, 9, 1)
    assert iv.find_date_in_text("tanpa tanggal") is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (1, "001"),
        (8.0, "008"),
        ("1", "001"),
        ("01", "001"),
        ("RT 02", "002"),
        ("rw.3", "003"),
        ("-", "-"),
        ("", "-"),
        ("0005", "005"),
    ],
)
def test_rt_rw_leading_zeros_are_put_back(cell, expected):
    assert iv.parse_area_code(cell, "RT") == expected


def test_rt_that_is_not_a_number():
    with pytest.raises(iv.ValueProblem, match="harus angka"):
        iv.parse_area_code("satu", "RT")


def test_text_cleanup():
    assert iv.cell_text("  Siti \n  Aminah ") == "Siti Aminah"
    assert iv.cell_text(12.0) == "12"
    assert iv.label_key("Laki - laki") == "LAKILAKI"


@pytest.mark.parametrize(
    ("labels", "valid", "cell", "code"),
    [
        (iv.SEX_LABELS, codes.SEX, "LAKI-LAKI", 1),
        (iv.SEX_LABELS, codes.SEX, " perempuan ", 2),
        (iv.SEX_LABELS, codes.SEX, 2.0, 2),
        (iv.SEX_LABELS, codes.SEX, "L", 1),
        (iv.SHDK_LABELS, codes.SHDK, "KEPALA KELUARGA", 1),
        (iv.SHDK_LABELS, codes.SHDK, "Famili Lain", 9),
        (iv.MARITAL_LABELS, codes.MARITAL_STATUS, "KAWIN TERCATAT", 2),
        (iv.RELIGION_LABELS, codes.RELIGION, "KATOLIK", 3),
        (iv.RELIGION_LABELS, codes.RELIGION, "Budha", 5),
        (iv.EDUCATION_LABELS, codes.EDUCATION, "SLTA/SEDERAJAT", 5),
        (iv.EDUCATION_LABELS, codes.EDUCATION, "AKADEMI/DIPLOMA III/S. MUDA", 7),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "PEGAWAI NEGERI SIPIL (PNS)", 5),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "PNS", 5),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "WIRASWASTA", 88),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "IMAM MESJID", 41),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, 89, 89),
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "HIDUP", 1),
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "Meninggal", 2),
        (iv.DISABILITY_LABELS, codes.DISABILITY, "TIDAK CACAT", 7),
        (iv.SEX_LABELS, codes.SEX, "-", None),
    ],
)
def test_labels_and_numbers_map_to_codes(labels, valid, cell, code):
    assert iv.parse_code(cell, labels, valid) == code


def test_full_occupation_table():
    assert len(codes.OCCUPATION) == 89
    assert codes.OCCUPATION[88] == "Wiraswasta" and codes.OCCUPATION[85] == "Perangkat Desa"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("X", "nilai 'X' tidak dikenal"),
        (7, "kode '7' tidak dikenal"),
        ("12", "kode '12' tidak dikenal"),
    ],
)
def test_unknown_codes_name_the_value(cell, message):
    with pytest.raises(iv.ValueProblem, match=message):
        iv.parse_code(cell, iv.SEX_LABELS, codes.SEX)


@pytest.mark.parametrize(
    ("cell", "segment"),
    [
        ("PBI (APBN)", "PBI_APBN"),
        ("PBI APBD", "PBI_APBD"),
        ("PEKERJA MANDIRI", "PBPU"),
        ("PPU BADAN USAHA", "PPU_BU"),
        ("PPU PN", "PPU_PN"),
        ("Bukan Pekerja", "BP"),
        ("PBPU", "PBPU"),
    ],
)
def test_bpjs_segment_labels(cell, segment):
    assert iv.parse_segment(cell) == segment


@pytest.mark.parametrize(
    ("cell", "segment", "months", "expected"),
    [
        ("AKTIF", "PBPU", 0, (codes.STATUS_ACTIVE, False)),
        ("TIDAK AKTIF", "PBPU", 3, (codes.STATUS_ARREARS, False)),
        ("NON AKTIF", "PBI_APBN", 0, (codes.STATUS_PBI_REMOVED, False)),
        ("NONAKTIF", "PBPU", 0, (codes.STATUS_INACTIVE_OTHER, False)),
        ("NONAKTIF - PHK", "PPU_BU", 0, (codes.STATUS_INACTIVE_OTHER, True)),
        ("Menunggak", "PBPU", 2, (codes.STATUS_ARREARS, False)),
    ],
)
def test_bpjs_status_labels(cell, segment, months, expected):
    assert iv.parse_membership_status(cell, segment, months) == expected


def test_bpjs_card_and_class():
    assert iv.parse_card_number(1234567890.0) == (
        "0001234567890",
        "Nomor kartu tersimpan sebagai bilangan; nol di depan dikembalikan: 0001234567890.",
    )
    assert iv.parse_card_number("0001234567890") == ("0001234567890", None)
    with pytest.raises(iv.ValueProblem, match="13 digit"):
        iv.parse_card_number("12345")
    assert [iv.parse_jkn_class(c) for c in ("Kelas III", "KLS 1", 2.0, "II")] == [3, 1, 2, 2]
    assert iv.parse_int("3 bulan", "Tunggakan") == 3


def test_fast_nik_birth_date_matches_stdnum():
    """rules.nik's fast path for plain 16-digit NIKs agrees with python-stdnum everywhere."""
    from stdnum import exceptions
    from stdnum.id import nik as stdnum_nik

    from pesiar_desktop.rules.nik import _plain_birth_date

    for day in (1, 15, 29, 30, 31, 41, 59, 69, 71, 0, 32, 72):
        for month in (1, 2, 4, 12, 13, 0):
            for year in (0, 4, 24, 85, 99):
                digits = f"520101{day:02d}{month:02d}{year:02d}0001"
                try:
                    expected = stdnum_nik.get_birth_date(digits)
                except exceptions.ValidationError:
                    with pytest.raises(exceptions.ValidationError):
                        _plain_birth_date(digits)
                    continue
                assert _plain_birth_date(digits) == expected, digits


@pytest.mark.parametrize(
    ("table", "valid", "text", "code"),
    [
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "Pindah Dalam Negeri", 3),
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "PINDAH LUAR NEGERI", 3),
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "Hilang", 4),
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "Mati", 2),
        (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS, "HIDUP", 1),
        (iv.MARITAL_LABELS, codes.MARITAL_STATUS, "Cerai Hidup", 3),
        (iv.MARITAL_LABELS, codes.MARITAL_STATUS, "Belum Kawin", 1),
        (iv.MARITAL_LABELS, codes.MARITAL_STATUS, "KAWIN TERCATAT", 2),
        (iv.MARITAL_LABELS, codes.MARITAL_STATUS, "CERAI MATI", 4),
        (iv.SHDK_LABELS, codes.SHDK, "Famili Lain", 9),
        (iv.SHDK_LABELS, codes.SHDK, "KEP. KELUARGA", 1),
        (iv.SHDK_LABELS, codes.SHDK, "Orang Tua", 7),
        (iv.SHDK_LABELS, codes.SHDK, "LAINNYA", 11),
        (iv.RELIGION_LABELS, codes.RELIGION, "KATHOLIK", 3),
        (iv.RELIGION_LABELS, codes.RELIGION, "Konghucu", 6),
        (iv.EDUCATION_LABELS, codes.EDUCATION, "TIDAK/BELUM SEKOLAH", 1),
        (iv.EDUCATION_LABELS, codes.EDUCATION, "AKADEMI/DIPLOMA III/S. MUDA", 7),
        (iv.EDUCATION_LABELS, codes.EDUCATION, "DIPLOMA IV/STRATA I", 8),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "MENGURUS RUMAH TANGGA", 2),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "BELUM/TIDAK BEKERJA", 1),
        (iv.OCCUPATION_LABELS, codes.OCCUPATION, "WIRASWASTA", 88),
    ],
)
def test_siak_and_opensid_vocabularies_map_to_codes(table, valid, text, code):
    """Issue 18: a SIAK status written 'Pindah Dalam Negeri' was unknown."""
    assert iv.parse_code(text, table, valid) == code


def test_unknown_value_is_named_with_the_nearest_known_one():
    with pytest.raises(iv.ValueProblem) as err:
        iv.parse_code("Pindah Dlm Negeri", iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS)
    assert "'Pindah Dlm Negeri' tidak dikenal" in str(err.value)
    assert "yang terdekat: 'Pindah Dalam Negeri'" in str(err.value)
    with pytest.raises(iv.ValueProblem) as err:
        iv.parse_code("Cerai Hidp", iv.MARITAL_LABELS, codes.MARITAL_STATUS)
    assert "'Cerai Hidup'" in str(err.value)
    with pytest.raises(iv.ValueProblem) as err:
        iv.parse_code("zzzz", iv.SHDK_LABELS, codes.SHDK)
    assert "terdekat" not in str(err.value)  # nothing close: no guess
