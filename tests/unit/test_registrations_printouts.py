"""Receipt PDF and the Dinas Sosial proposal list, read back (pdftotext, calamine)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from python_calamine import CalamineWorkbook

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import Resident
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
from tests.conftest import make_user
from tests.import_files import kk_number
from tests.unit.test_visits_helpers import TODAY

VA = "8888801234567890"


def pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _nik(fv, name):
    with fv.db.read() as session:
        return session.get(Resident, fv.people[name]).nik


def test_receipt_pdf_reads_back(fv, admin, tmp_path):
    data = RegistrationInput(
        fv.budi_family,
        fc.PATH_PBPU,
        TODAY - timedelta(days=3),
        [
            MemberChoice(fv.people["BUDI"], True, 3),
            MemberChoice(fv.people["ANI"], True, 3),
            MemberChoice(fv.people["RINA"], False, None, "Ikut KK neneknya di desa lain"),
        ],
        confirm_exclusions=True,
    )
    reg_id = regs.submit(fv.db, admin, data)
    regs.issue_va(fv.db, admin, reg_id, VA, TODAY)
    detail = regs.detail(fv.db, reg_id)
    out = regs.export_receipt(fv.db, admin, reg_id, tmp_path / "tanda-terima.pdf")
    text = pdf_text(out)
    flat = " ".join(text.split())
    assert "TANDA TERIMA PENDAFTARAN PESERTA JKN" in flat
    assert f"Nomor: {detail.receipt_number}" in flat
    assert kk_number(1) in flat and _nik(fv, "ANI") in flat
    assert "Rp70.000" in flat and "tujuh puluh ribu rupiah" in flat
    assert "Rp35.000" in flat and "Kelas III" in flat
    assert VA in flat
    assert long_date(detail.payment_due) in flat
    assert "SARI WULANDARI" in flat and "Yang menerima" in flat
    assert "RINA" in flat and "Ikut KK neneknya" in flat  # left out, with the reason
    assert "DESA SUKA MAKMUR" in flat.upper()
    # A viewer may not print personal data.
    with pytest.raises(PermissionDenied):
        regs.export_receipt(fv.db, make_user(fv.db, "viewer"), reg_id, tmp_path / "x.pdf")


def test_proposal_list_keeps_numbers_as_text(fv, admin, tmp_path):
    reg_id = regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            fv.budi_family,
            fc.PATH_PBI_PROPOSAL,
            TODAY,
            [MemberChoice(fv.people[n], True, None) for n in ("BUDI", "ANI", "RINA")],
        ),
    )
    assert regs.proposal_candidates(fv.db) == [reg_id]
    path, people = regs.export_proposal_xlsx(fv.db, admin, tmp_path / "usulan.xlsx")
    assert people == 3
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Usulan PBI").to_python()
    header = rows.index(next(r for r in rows if r and r[0] == "No"))
    data = rows[header + 1 : header + 4]
    assert [r[2] for r in data] == ["BUDI", "ANI", "RINA"]
    assert [r[1] for r in data] == [_nik(fv, n) for n in ("BUDI", "ANI", "RINA")]
    assert all(isinstance(r[1], str) and isinstance(r[6], str) for r in data)
    assert data[0][6] == kk_number(1)
    assert data[0][9] == 2  # welfare decile


def test_employer_report_for_the_bpjs_branch(fv, admin, tmp_path):
    reg_id = regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            fv.joko_family,
            fc.PATH_PPU_BU_REPORT,
            TODAY,
            [MemberChoice(fv.people["JOKO"], True, None), MemberChoice(fv.people["SRI"], False)],
            employer_name="PT Tambang Sejahtera",
            employer_address="Jl. Raya Gerung 9",
        ),
    )
    path, people = regs.export_employer_report_xlsx(fv.db, admin, tmp_path / "ppu.xlsx")
    assert people == 1
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Laporan PPU BU").to_python()
    header = rows.index(next(r for r in rows if r and r[0] == "No"))
    row = rows[header + 1]
    assert row[1:5] == ["PT Tambang Sejahtera", "Jl. Raya Gerung 9", _nik(fv, "JOKO"), "JOKO"]
    assert row[6] == kk_number(2) and isinstance(row[6], str)
    assert row[10] == regs.detail(fv.db, reg_id).receipt_number
    with pytest.raises(PermissionDenied):
        regs.export_employer_report_xlsx(fv.db, make_user(fv.db, "viewer"), tmp_path / "x.xlsx")


# ---------------------------------------------------------------- issue 15 item 6


def _pbpu(fv, admin, **kwargs) -> int:
    data = RegistrationInput(
        fv.budi_family,
        fc.PATH_PBPU,
        TODAY - timedelta(days=3),
        [MemberChoice(fv.people["BUDI"], True, 3), MemberChoice(fv.people["ANI"], True, 3),
         MemberChoice(fv.people["RINA"], True, 3)],
    )  # fmt: skip
    return regs.submit(fv.db, admin, data)


def _flat(path) -> str:
    return " ".join(pdf_text(path).split())


def test_cancelled_receipt_is_marked_and_keeps_no_payment_instructions(fv, admin, tmp_path):
    reg_id = _pbpu(fv, admin)
    regs.issue_va(fv.db, admin, reg_id, VA, TODAY)
    valid = _flat(regs.export_receipt(fv.db, admin, reg_id, tmp_path / "valid.pdf"))
    assert "DIBATALKAN" not in valid and "bayarlah iuran pertama" in valid
    regs.cancel(fv.db, admin, reg_id, "Keluarga pindah ke kota.")
    flat = _flat(regs.export_receipt(fv.db, admin, reg_id, tmp_path / "batal.pdf"))
    assert "DIBATALKAN" in flat
    assert "Alasan: Keluarga pindah ke kota. Tanda terima ini tidak berlaku." in flat
    assert "bayarlah iuran pertama" not in flat
    # The stamp across the page as well as the banner.
    assert _stamp(tmp_path / "batal.pdf") == "DIBATALKAN"
    assert _stamp(tmp_path / "valid.pdf") == ""


def _stamp(path) -> str:
    """The text drawn turned on the page (the stamp)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "".join(c["text"] for c in pdf.pages[0].chars if abs(c["matrix"][1]) > 0.01)


def test_expired_receipt_is_marked(fv, admin, tmp_path):
    reg_id = _pbpu(fv, admin)
    regs.issue_va(fv.db, admin, reg_id, VA, TODAY)
    due = regs.detail(fv.db, reg_id).payment_due
    regs.expire(fv.db, admin, reg_id)
    flat = _flat(regs.export_receipt(fv.db, admin, reg_id, tmp_path / "lewat.pdf"))
    assert "KEDALUWARSA" in flat
    assert f"Iuran pertama tidak dibayar sampai {long_date(due)}" in flat
    assert "perlu diulang" in flat and "Tanda terima ini tidak berlaku." in flat
    assert _stamp(tmp_path / "lewat.pdf") == "KEDALUWARSA"


def test_receipt_title_follows_the_path(fv, admin, tmp_path):
    pbi = regs.submit(
        fv.db,
        admin,
        RegistrationInput(fv.ketut_family, fc.PATH_PBI_PROPOSAL, TODAY,
                          [MemberChoice(fv.people["KETUT"], True, None)]),
    )  # fmt: skip
    ppu = regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            fv.joko_family,
            fc.PATH_PPU_BU_REPORT,
            TODAY,
            [MemberChoice(fv.people["JOKO"], True, None), MemberChoice(fv.people["SRI"], False)],
            employer_name="PT Tambang Sejahtera",
            employer_address="Jl. Raya Gerung 9",
        ),
    )
    pbpu = _pbpu(fv, admin)
    titles = {
        pbpu: "TANDA TERIMA PENDAFTARAN PESERTA JKN MANDIRI (PBPU)",
        pbi: "TANDA TERIMA USULAN PESERTA JKN PBI / PBPU PEMDA",
        ppu: "TANDA TERIMA LAPORAN PEKERJA YANG BELUM DIDAFTARKAN PEMBERI KERJA",
    }
    for reg_id, title in titles.items():
        flat = _flat(regs.export_receipt(fv.db, admin, reg_id, tmp_path / f"{reg_id}.pdf"))
        assert title in flat
        assert [t for t in titles.values() if t in flat] == [title]
        if reg_id != pbpu:  # nothing to pay: no class, premium or VA lines
            assert "Iuran / bulan" not in flat and "Virtual Account" not in flat
    ppu_text = _flat(tmp_path / f"{ppu}.pdf")
    assert "PT Tambang Sejahtera, Jl. Raya Gerung 9" in ppu_text


@pytest.mark.parametrize(
    ("address", "printed"),
    [
        # The register stores the dusun as the address (OpenSID often does).
        ("Dusun Krajan", "Alamat : Dusun Krajan, RT 001/RW 001 Jalur"),
        ("Krajan", "Alamat : Krajan, RT 001/RW 001 Jalur"),
        # An address that ends with a full stop and names the dusun itself.
        ("Jl. Melati 1, Dusun Krajan, Kec. Gerung.",
         "Alamat : Jl. Melati 1, Dusun Krajan, Kec. Gerung, RT 001/RW 001 Jalur"),
        ("Jl. Melati 1", "Alamat : Jl. Melati 1, RT 001/RW 001, Dusun Krajan Jalur"),
    ],
)  # fmt: skip
def test_receipt_address_says_nothing_twice(fv, admin, tmp_path, address, printed):
    from pesiar_desktop.models import Family

    with fv.db.transaction() as session:
        session.get(Family, fv.budi_family).address = address
    reg_id = _pbpu(fv, admin)
    flat = _flat(regs.export_receipt(fv.db, admin, reg_id, tmp_path / "r.pdf"))
    assert printed in flat
    assert "., " not in flat and "·" not in flat.split("Alamat", 1)[1].split("Jalur", 1)[0]


def test_receipts_use_one_capitalisation(fv, admin, tmp_path):
    """Titles of office and the receipt's labels are written the same way on every
    receipt: Kepala Keluarga, Agen PESIAR, labels in title case."""
    reg_id = _pbpu(fv, admin)
    flat = _flat(regs.export_receipt(fv.db, admin, reg_id, tmp_path / "r.pdf"))
    for right in ("Kepala Keluarga", "Agen PESIAR", "Jalur Pendaftaran", "Tanggal Pendaftaran",
                  "Iuran Keluarga", "Pembayaran Iuran Pertama"):  # fmt: skip
        assert right in flat
    for wrong in ("Kepala keluarga", "agen PESIAR", "Agen Pesiar", "Jalur pendaftaran"):
        assert wrong not in flat
