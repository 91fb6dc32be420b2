"""Letters: drafting, role enforcement, numbering (template, yearly reset, races), freezing,
revocation, verification, the PDF text and QR read back."""

from __future__ import annotations

import io
import subprocess
import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from python_calamine import CalamineWorkbook
from sqlalchemy import select, update

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PermissionDenied, PesiarError, ValidationError
from pesiar_desktop.models import Letter
from pesiar_desktop.reportdata.letters import sha256_of
from pesiar_desktop.rules import numbering
from pesiar_desktop.services import letters, settings, village
from pesiar_desktop.services.settings import SETTINGS
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids

DAY = date(2026, 11, 23)


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")


def qr_codes(data: bytes, page: int = 1) -> list[str]:
    """Render one page to PNG with poppler and decode every QR code on it."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "150", "-png", "-singlefile", "-f", str(page), str(pdf), f"{tmp}/p"],
            check=True,
        )
        with Image.open(f"{tmp}/p.png") as image:
            return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.fixture
def setup(village_db: Database, admin, freeze_clock):
    """Two agents with assignments, families in every RT, a kepala desa user; the clock on
    DAY, inside the assignments' 2026 period (a letter past it verifies KEDALUWARSA)."""
    freeze_clock(DAY)
    add_families(village_db)
    rts = rt_ids(village_db)
    a1 = make_agent(village_db, admin, "Siti Aminah")
    a2 = make_agent(village_db, admin, "Lalu Hendra", source_category="KARTAR")
    s1 = make_assignment(village_db, admin, a1.id, rts[:2])
    s2 = make_assignment(village_db, admin, a2.id, rts[2:])
    return village_db, kades(village_db), (a1, a2), (s1, s2)


# --- numbering rules ---------------------------------------------------------------------------


def test_number_template_tokens():
    number = numbering.format_number(
        numbering.DEFAULT_TEMPLATE, kode="400.7", seq=12, kode_desa="DS-2005", on=DAY
    )
    assert number == "400.7/012/DS-2005/XI/2026"
    assert (
        numbering.format_number(
            "{kode}-{urut}.{bulan}.{tahun}", kode="ST", seq=7, kode_desa="", on=DAY
        )
        == "ST-7.11.2026"
    )
    assert numbering.default_village_code("52.01.01.2005") == "DS-2005"
    assert numbering.template_errors("{kode}/{urut:03}/{tahun}") == []
    assert any("{nomor}" in e for e in numbering.template_errors("{nomor}/{urut}/{tahun}"))
    assert any("{urut}" in e for e in numbering.template_errors("{kode}/{tahun}"))
    assert any("{tahun}" in e for e in numbering.template_errors("{kode}/{urut}"))
    assert numbering.template_errors("{kode}/{urut:03/{tahun}")
    with pytest.raises(numbering.TemplateError):
        numbering.format_number("{kode}", kode="x", seq=1, kode_desa="", on=DAY)


# --- roles, approval, freezing --------------------------------------------------------------------


def test_only_kepala_desa_approves_and_numbers_on_approval(setup, operator, admin, viewer):
    db, kd, (a1, _a2), (s1, _s2) = setup
    with pytest.raises(PermissionDenied):
        letters.draft(db, viewer, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id])
    row = letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id])
    assert row.status == "draft" and row.number is None
    with db.read() as session:
        draft = session.get(Letter, row.id)
        assert draft.seq is None and draft.pdf is None and draft.payload is None
    for actor in (operator, admin, viewer):
        with pytest.raises(PermissionDenied):
            letters.approve(db, actor, row.id, today=DAY)
    assert letters.counters(db) == {}  # a refused approval draws no number

    approved = letters.approve(db, kd, row.id, today=DAY)
    assert approved.status == "approved"
    assert approved.number == "094/001/DS-2005/XI/2026"
    assert approved.letter_date == DAY
    with db.read() as session:
        letter = session.get(Letter, row.id)
        assert letter.approved_by == "kades"
        assert letter.pdf_sha256 == sha256_of(letter.pdf)
        frozen = letter.pdf
    with pytest.raises(PesiarError):
        letters.approve(db, kd, row.id, today=date(2026, 12, 1))
    assert letters.pdf_bytes(db, row.id) == frozen
    assert letters.get_letter(db, row.id).number == "094/001/DS-2005/XI/2026"

    text = pdf_text(frozen)
    for expected in (
        "SURAT TUGAS",
        "094/001/DS-2005/XI/2026",
        "Siti Aminah",
        "23 November 2026",
        "PEMERINTAH KABUPATEN LOMBOK BARAT",
        "H. Lalu Ahmad",
    ):
        assert expected in text
    assert "KONSEP" not in text
    codes = qr_codes(frozen)
    with db.read() as session:
        assert codes == [session.get(Letter, row.id).payload]
    assert letters.verify(db, codes[0]).status == letters.VERIFY_VALID


def test_draft_pdf_is_marked_and_unnumbered(setup, operator):
    db, _kd, (a1, _), (s1, _) = setup
    row = letters.draft(db, operator, letters.TYPE_PAKTA, agent_id=a1.id)
    text = pdf_text(letters.pdf_bytes(db, row.id))
    assert "PAKTA INTEGRITAS" in text and "KONSEP" in text and "Siti Aminah" in text
    assert "/DS-2005/" not in text
    letters.delete_draft(db, operator, row.id)
    assert letters.list_letters(db) == []


def test_sk_lists_agents_in_lampiran_and_surat_tugas_cites_it(setup, operator):
    db, kd, (a1, a2), (s1, s2) = setup
    sk = letters.draft(db, operator, letters.TYPE_SK)
    sk = letters.approve(db, kd, sk.id, today=DAY)
    assert sk.number == "141/001/DS-2005/XI/2026"
    text = pdf_text(letters.pdf_bytes(db, sk.id))
    for expected in (
        "KEPUTUSAN KEPALA DESA SUKA MAKMUR",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "KESATU",
        "LAMPIRAN",
        "DAFTAR AGEN PESIAR",
        "Siti Aminah",
        "Lalu Hendra",
        "Ditetapkan di Suka Makmur",
    ):
        assert expected in text
    st = letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s2.id])
    st = letters.approve(db, kd, st.id, today=DAY)
    assert st.number == "094/001/DS-2005/XI/2026"  # own counter per type
    assert "141/001/DS-2005/XI/2026" in pdf_text(letters.pdf_bytes(db, st.id))


def test_id_card_has_photo_and_verifiable_qr(setup, operator, admin):
    db, kd, (a1, _), (s1, _) = setup
    photo = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 120, 40)).save(photo, "PNG")
    from pesiar_desktop.services import agents

    data, _ = agents.load_input(db, a1.id)
    agents.update_agent(db, admin, a1.id, data, photo=photo.getvalue())
    card = letters.draft(db, operator, letters.TYPE_ID_CARD, assignment_ids=[s1.id])
    card = letters.approve(db, kd, card.id, today=DAY)
    pdf = letters.pdf_bytes(db, card.id)
    assert "KARTU TANDA AGEN PESIAR" in pdf_text(pdf)
    assert b"/Subtype /Image" in pdf
    codes = qr_codes(pdf)
    assert len(codes) == 1 and card.number in codes[0]
    assert letters.verify(db, codes[0]).status == letters.VERIFY_VALID


def test_template_setting_and_yearly_reset(setup, operator, admin):
    db, kd, _agents, (s1, s2) = setup
    settings.put(db, admin, SETTINGS.number_template, "{kode}-{urut:04}/{tahun}")
    settings.put(db, admin, SETTINGS.kode_desa, "SM")
    first = letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id])
    second = letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s2.id])
    assert letters.approve(db, kd, first.id, today=DAY).number == "094-0001/2026"
    assert letters.approve(db, kd, second.id, today=date(2027, 1, 2)).number == "094-0001/2027"
    assert letters.counters(db) == {("SURAT_TUGAS", 2026): 1, ("SURAT_TUGAS", 2027): 1}


def test_template_that_collides_is_refused_without_a_gap(setup, operator, admin):
    db, kd, (a1, _), (s1, _) = setup
    settings.put(db, admin, SETTINGS.number_template, "{urut:03}/{tahun}")  # no {kode}
    st = letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id])
    pakta = letters.draft(db, operator, letters.TYPE_PAKTA, agent_id=a1.id)
    assert letters.approve(db, kd, st.id, today=DAY).number == "001/2026"
    with pytest.raises(PesiarError, match="sudah dipakai"):
        letters.approve(db, kd, pakta.id, today=DAY)
    assert letters.get_letter(db, pakta.id).status == "draft"
    assert ("PAKTA", 2026) not in letters.counters(db)  # rolled back with the approval


# --- revoke and verify ------------------------------------------------------------------------------


def test_revoke_keeps_number_and_pdf(setup, operator):
    db, kd, _agents, (s1, _) = setup
    row = letters.approve(
        db,
        kd,
        letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id]).id,
        today=DAY,
    )
    frozen = letters.pdf_bytes(db, row.id)
    with pytest.raises(PermissionDenied):
        letters.revoke(db, operator, row.id, "Agen mengundurkan diri")
    with pytest.raises(ValidationError):
        letters.revoke(db, kd, row.id, "  ")
    revoked = letters.revoke(db, kd, row.id, "Agen mengundurkan diri")
    assert revoked.status == "revoked" and revoked.number == row.number
    assert letters.pdf_bytes(db, row.id) == frozen
    with pytest.raises(PesiarError):
        letters.revoke(db, kd, row.id, "dua kali dicabut")
    with pytest.raises(PesiarError):
        letters.approve(db, kd, row.id, today=DAY)
    result = letters.verify(db, row.number)
    assert result.status == letters.VERIFY_REVOKED and "mengundurkan diri" in result.message


def test_verify_valid_unknown_altered(setup, operator):
    db, kd, _agents, (s1, _) = setup
    row = letters.approve(
        db,
        kd,
        letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id]).id,
        today=DAY,
    )
    with db.read() as session:
        payload = session.get(Letter, row.id).payload
    prefix, region, number, on, period, short = payload.split("|")
    assert (prefix, region, number, on) == ("PESIAR", "5201012005", row.number, "2026-11-23")
    said = letters.verify(db, payload)
    assert (said.period_start, said.period_end) == (s1.period_start, s1.period_end)
    assert period == f"{s1.period_start:%Y%m%d}-{s1.period_end:%Y%m%d}"
    assert letters.verify(db, payload).status == "valid"
    assert letters.verify(db, f"  {row.number} ").status == "valid"
    assert letters.verify(db, "094/999/DS-2005/XI/2026").status == "unknown"
    assert letters.verify(db, "").status == "unknown"
    assert letters.verify(db, "PESIAR|rusak").status == "unknown"
    assert (
        letters.verify(db, "|".join([prefix, "3201012001", number, on, period, short])).status
        == "unknown"
    )
    other_hash = "0" * 16 if short != "0" * 16 else "1" * 16
    assert (
        letters.verify(db, "|".join([prefix, region, number, on, period, other_hash])).status
        == "altered"
    )
    assert (
        letters.verify(db, "|".join([prefix, region, number, "2026-11-24", period, short])).status
        == "altered"
    )
    assert letters.verify_pdf(db, letters.pdf_bytes(db, row.id)).status == "valid"
    assert letters.verify_pdf(db, letters.pdf_bytes(db, row.id) + b"%x").status == "unknown"
    # The stored PDF swapped behind the program's back no longer matches its hash.
    with db.transaction() as session:
        session.execute(update(Letter).where(Letter.id == row.id).values(pdf=b"%PDF-1.4 palsu"))
    assert letters.verify(db, payload).status == "altered"
    assert letters.verify(db, row.number).as_dict()["status"] == "altered"


def test_register_xlsx(setup, operator, tmp_path):
    db, kd, _agents, _s = setup
    sk = letters.approve(db, kd, letters.draft(db, operator, letters.TYPE_SK).id, today=DAY)
    letters.set_register_entry(db, operator, sk.id, date(2026, 11, 30), "Dilaporkan ke Camat")
    sk2 = letters.approve(db, kd, letters.draft(db, operator, letters.TYPE_SK).id, today=DAY)
    letters.revoke(db, kd, sk2.id, "Diganti keputusan baru")
    out = tmp_path / "buku.xlsx"
    letters.export_register(db, out, year=2026)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    flat = [" ".join(str(c) for c in r) for r in rows]
    assert any("BUKU KEPUTUSAN KEPALA DESA" in line.upper() for line in flat)
    data = [r for r in rows[4:] if r and isinstance(r[1], str) and r[1]]
    assert len(data) == 2
    assert sk.number in str(data[0][1]) and "23 November 2026" in str(data[0][1])
    assert "Pengangkatan Agen PESIAR" in str(data[0][2])
    assert "30 November 2026" in str(data[0][4]) and "Camat" in str(data[0][5])
    assert "Dicabut" in str(data[1][5]) and "Diganti" in str(data[1][5])


# --- the race ------------------------------------------------------------------------------------------


def test_concurrent_approvals_never_duplicate_or_skip(setup, operator, db_url):
    db, _kd, _agents, (s1, s2) = setup
    ids = [
        letters.draft(
            db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s1.id if i % 2 else s2.id]
        ).id
        for i in range(12)
    ]
    workers = 4
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def work(chunk: list[int]) -> None:
        own = Database(db_url)  # its own engine and connections, like another PC
        try:
            from pesiar_desktop.services import users

            actor = users.get_actor(own, "kades")
            barrier.wait()
            for letter_id in chunk:
                letters.approve(own, actor, letter_id, today=DAY)
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)
        finally:
            own.dispose()

    threads = [threading.Thread(target=work, args=(ids[i::workers],)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    with db.read() as session:
        got = list(session.execute(select(Letter.seq, Letter.number).where(Letter.id.in_(ids))))
    seqs = sorted(s for s, _n in got)
    assert seqs == list(range(1, 13))
    assert len({n for _s, n in got}) == 12
    assert letters.counters(db)[("SURAT_TUGAS", 2026)] == 12


def test_surat_tugas_batch_and_long_letter_fallback(setup, operator):
    db, kd, _agents, (s1, s2) = setup
    from pesiar_desktop.reportdata.letters import LetterDoc
    from pesiar_desktop.reports import letters_pdf

    ids = [
        letters.approve(
            db,
            kd,
            letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[s]).id,
            today=DAY,
        ).id
        for s in (s1.id, s2.id)
    ]
    with db.read() as session:
        docs = [letters._doc(session.get(Letter, i), village.letterhead(db), None) for i in ids]
    batch = letters_pdf.render_surat_tugas_batch(docs)
    text = pdf_text(batch)
    assert text.count("SURAT TUGAS") == 2 and "Siti Aminah" in text and "Lalu Hendra" in text
    assert sorted(qr_codes(batch, 1) + qr_codes(batch, 2)) == sorted(d.payload for d in docs)
    # Each one-page letter is "Halaman 1"; what every letter repeats (kop surat, field labels,
    # signature block) is stored once as a form and reused, however many letters there are.
    assert text.count("Halaman 1") == 2 and "Halaman 2" not in text
    assert text.count("DESA SUKA MAKMUR") == 2 and text.count("Nomor HP") == 2
    forms = batch.count(b"/Subtype /Form")
    assert 1 <= forms == letters_pdf.render_surat_tugas_batch(docs * 3).count(b"/Subtype /Form")
    # A letter too long for one page flows onto a second one instead of being cut.
    long = docs[0].content | {
        "untuk": [f"tugas tambahan nomor {i} yang cukup panjang" for i in range(60)]
    }
    pdf = letters_pdf.render(LetterDoc(**{**docs[0].__dict__, "content": long}))
    text = pdf_text(pdf)
    assert "tugas tambahan nomor 59 yang cukup panjang" in " ".join(text.split())
    assert "Halaman 2" in text and "Kepala Desa Suka Makmur," in text
