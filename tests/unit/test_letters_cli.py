"""`pesiar-desktop letter list|render|verify|cards|guide` against a real database (the documented exit codes)."""

from __future__ import annotations

import json
from datetime import date

import pdfplumber

from pesiar_desktop.cli import main
from pesiar_desktop.db import open_database
from pesiar_desktop.services import letters, village
from tests.conftest import ADMIN_PASSWORD, _set_up, admin_actor
from tests.pdf_fit import pdf_plain_text
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids


def test_letter_list_render_verify(sqlite_url, tmp_path, capsys, monkeypatch, freeze_clock):
    from datetime import date

    freeze_clock(date(2026, 11, 23))  # inside the 2026 assignment: the letter verifies SAH
    monkeypatch.setenv("PESIAR_PASSWORD", ADMIN_PASSWORD)  # `letter render` logs in as admin
    db = open_database(sqlite_url)
    _set_up(db)
    admin = admin_actor(db)
    village.add_area(db, admin, "Dusun Krajan", "1", "1")
    add_families(db)
    agent = make_agent(db, admin, "Siti Aminah")
    assignment = make_assignment(db, admin, agent.id, rt_ids(db))
    kd = kades(db)
    draft = letters.draft(db, admin, letters.TYPE_PAKTA, agent_id=agent.id)
    approved = letters.approve(
        db,
        kd,
        letters.draft(db, admin, letters.TYPE_SURAT_TUGAS, assignment_ids=[assignment.id]).id,
        today=date(2026, 11, 23),
    )
    db.dispose()
    base = ["--database-url", sqlite_url, "--data-dir", str(tmp_path / "data")]

    assert main([*base, "letter", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["type"], r["number"], r["status"], r["date"]) for r in listed] == [
        (approved.id, "SURAT_TUGAS", "094/001/DS-2005/XI/2026", "approved", "2026-11-23"),
        (draft.id, "PAKTA", None, "draft", None),
    ]
    assert "Siti Aminah" in listed[0]["subject"]
    assert main([*base, "letter", "list"]) == 0
    assert "(konsep)" in capsys.readouterr().out

    out = tmp_path / "st.pdf"
    assert main([*base, "letter", "render", str(approved.id), str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()

    assert main([*base, "letter", "verify", approved.number, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"
    assert main([*base, "letter", "verify", str(out)]) == 0
    said = capsys.readouterr().out
    assert "SAH" in said
    # What the register says, field by field, to compare with the paper.
    assert "  Jenis surat    : Surat Tugas Agen PESIAR" in said
    assert f"  Nomor          : {approved.number}" in said
    assert "  Agen           : Siti Aminah" in said
    assert "  Masa tugas     : 1 Januari 2026 s.d. 31 Desember 2026" in said
    assert "  Wilayah tugas  : Dusun Krajan" in said
    assert main([*base, "letter", "verify", "094/777/DS-2005/XI/2026", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "unknown"
    assert main([*base, "letter", "render", "999", str(out)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_card_sheet_and_guide(sqlite_url, tmp_path, capsys, monkeypatch):
    """The A4 card sheet (a login: it names the agents) and the residents' guide (none)."""
    monkeypatch.setenv("PESIAR_PASSWORD", ADMIN_PASSWORD)
    from tests.unit.test_idcard import qr_texts

    db = open_database(sqlite_url)
    _set_up(db)
    admin = admin_actor(db)
    village.add_area(db, admin, "Dusun Krajan", "1", "1")
    add_families(db)
    kd = kades(db)
    cards = []
    for name in ("Siti Aminah", "Lalu Hendra"):
        agent = make_agent(db, admin, name)
        plan = make_assignment(db, admin, agent.id, rt_ids(db))
        row = letters.draft(db, admin, letters.TYPE_ID_CARD, assignment_ids=[plan.id])
        cards.append(letters.approve(db, kd, row.id, today=date(2026, 11, 23)))
    numbers = sorted(c.number for c in cards)
    db.dispose()
    base = ["--database-url", sqlite_url, "--data-dir", str(tmp_path / "data")]
    sheet = tmp_path / "kartu.pdf"
    assert main([*base, "letter", "cards", str(sheet)]) == 0
    assert "2 kartu" in capsys.readouterr().out
    texts = qr_texts(sheet.read_bytes())
    assert sorted(t.split("|")[2] for t in texts) == numbers
    one = tmp_path / "satu.pdf"
    assert main([*base, "letter", "cards", str(one), "--id", str(cards[0].id)]) == 0
    assert [t.split("|")[2] for t in qr_texts(one.read_bytes())] == [cards[0].number]
    guide = tmp_path / "panduan.pdf"
    assert main([*base, "letter", "guide", str(guide)]) == 0
    text = " ".join(pdf_plain_text(guide.read_bytes()).split())
    assert "CARA MEMERIKSA KEASLIAN SURAT DAN KARTU AGEN PESIAR" in text
    for answer in ("SAH", "KEDALUWARSA", "TIDAK BERLAKU", "DICABUT", "DIUBAH / PALSU",
                   "TIDAK DIKENAL"):  # fmt: skip
        assert answer in text
    assert "TIDAK memungut biaya" in text
    with pdfplumber.open(guide) as pdf:
        assert len(pdf.pages) == 1
