"""Pure rules: NIK / No KK checks, region list, code labels."""

from __future__ import annotations

from datetime import date

import pytest

from pesiar_desktop.rules import codes, regions
from pesiar_desktop.rules.nik import check_nik, check_no_kk, mask_nik, nik_for


def test_valid_nik_for_a_woman_has_no_warnings():
    nik = nik_for("520101", date(1990, 7, 5), 2, 12)
    assert nik == "5201014507900012"
    result = check_nik(nik, date(1990, 7, 5), 2)
    assert result.ok and result.warnings == []


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("5.20101E+15", "rusak oleh Excel"),
        ("5201014507900012.0", "rusak oleh Excel"),
        ("52010145079000", "16 digit"),
        ("52010145O7900012", "hanya boleh berisi angka"),
        ("5201019913900012", "tanggal lahir"),
        ("", "wajib"),
    ],
)
def test_bad_nik_is_rejected(raw, fragment):
    result = check_nik(raw)
    assert not result.ok
    assert fragment in result.error


def test_separators_are_removed():
    assert check_nik("5201.0145 0790-0012").value == "5201014507900012"


def test_disagreements_are_warnings():
    nik = nik_for("520101", date(1990, 7, 5), 2, 12)
    result = check_nik(nik, date(1991, 7, 5), 1)
    assert result.ok
    assert len(result.warnings) == 2


def test_unknown_district_warns():
    result = check_nik("5299010507900012")  # province 52 exists, district 52.99.01 does not
    assert result.ok
    assert any("tidak ada di daftar wilayah" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("5201010507900000", "0000 tidak mungkin"),  # an impossible serial
        ("9901010507900012", "kode provinsi 99"),  # an impossible region
    ],
)
def test_impossible_serial_or_province_makes_the_nik_invalid(raw, fragment):
    result = check_nik(raw)
    assert not result.ok
    assert fragment in result.error
    assert "Excel" not in result.error  # text, not Excel's damage


def test_no_kk():
    assert check_no_kk("5201011203150001").ok
    assert "16 digit" in check_no_kk("520101120315").error
    assert "Excel" in check_no_kk("5.20101E+15").error


def test_mask_nik():
    assert mask_nik("5201014507906995") == "5201********6995"


def test_region_chain_and_search():
    prov, kab, kec, desa = regions.village_chain("5201012005")
    assert (prov.name, kab.name, kec.name, desa.name) == (
        "Nusa Tenggara Barat",
        "Kabupaten Lombok Barat",
        "Gerung",
        "Suka Makmur",
    )
    assert any(r.name == "Nusa Tenggara Barat" for r in regions.children(None))
    assert any(r.code == "52.01.01.2005" for r in regions.children("52.01.01"))
    found = regions.search_villages("suka makmur")
    assert any(r.code == "52.01.01.2005" and "Gerung" in where for r, where in found)
    assert regions.district_exists("520101")
    assert not regions.district_exists("990101")


def test_the_codes_file_is_the_region_lists_provinces_and_kecamatan():
    """CODES_FILE (what NIK checks read) is derived from the region list; when the list is
    updated, `regions.write_codes_file()` rewrites it."""
    from pesiar_desktop.config import resources_dir

    data = resources_dir() / "data"
    region_list = (data / regions.REGION_FILE).read_text(encoding="utf-8")
    stored = (data / regions.CODES_FILE).read_text(encoding="utf-8").split()
    assert stored == regions.codes_of(region_list)
    districts = [r.code for p in regions.children(None) for k in regions.children(p.code)
                 for r in regions.children(k.code)]  # fmt: skip
    assert len(stored) == len(regions.children(None)) + len(districts) == 38 + 7285
    assert all(regions.district_exists(code.replace(".", "")) for code in districts)
    assert regions.province_exists("52") and not regions.province_exists("99")


def test_labels():
    assert codes.label(codes.SHDK, 1) == "Kepala Keluarga"
    assert codes.label(codes.SEGMENTS, "PBPU") == "PBPU / Mandiri"
    assert codes.label(codes.SHDK, None, "-") == "-"


def test_indonesian_money_words_and_months():
    from datetime import date

    from pesiar_desktop.rules import formatting

    assert formatting.rupiah(35000) == "Rp35.000"
    assert formatting.rupiah(1250000) == "Rp1.250.000"
    assert formatting.terbilang(35000) == "tiga puluh lima ribu rupiah"
    assert formatting.month_year(date(2026, 11, 3)) == "November 2026"
    assert formatting.long_date(date(2026, 8, 17)) == "17 Agustus 2026"
    assert formatting.roman_month(date(2026, 11, 3)) == "XI"


def test_village_search_takes_the_kecamatan_or_kabupaten_too():
    """First-run wizard: "suka makmur gerung" (desa then kecamatan) finds the one village."""
    for text in ("suka makmur gerung", "desa suka makmur kec. gerung", "makmur lombok barat"):
        found = regions.search_villages(text)
        assert [(r.code, where.split(",")[0]) for r, where in found] == [
            ("52.01.01.2005", "Gerung")
        ], text
    # names holding the whole text come first, then the ones matched word by word
    hits = ["suka makmur" in r.name.lower() for r, _w in regions.search_villages("suka makmur")]
    assert hits[0] and hits == sorted(hits, reverse=True)
