"""The letter text the village adjusts: versions, validation, drafts taking the current text,
approved letters keeping theirs (and still verifying), "&" and "<" printed as typed."""

from __future__ import annotations

import io
import json
import subprocess
from dataclasses import replace
from datetime import date

import pytest
from PIL import Image
from sqlalchemy import select

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.models import AuditLog, Letter
from pesiar_desktop.services import letter_text, letters, village
from pesiar_desktop.services.letter_text import LetterText
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids
from tests.unit.test_letters import pdf_text, qr_codes

DAY = date(2026, 11, 23)
PERMENDESA = (
    "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 2 Tahun "
    "2024 tentang Petunjuk Operasional atas Fokus Penggunaan Dana Desa Tahun 2025;"
)


@pytest.fixture
def setup(village_db: Database, admin, freeze_clock):
    freeze_clock(DAY)
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    assignment = make_assignment(village_db, admin, agent.id, rt_ids(village_db)[:2])
    return village_db, kades(village_db), assignment


def _content(db: Database, letter_id: int) -> dict:
    with db.read() as session:
        letter = session.get(Letter, letter_id)
        assert letter is not None
        return json.loads(letter.content_json)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_defaults_name_the_dana_desa_rule_and_fill_the_village(setup, operator):
    db, _kd, assignment = setup
    assert letter_text.current(db).version == 0
    assert PERMENDESA in letter_text.DEFAULT_MENGINGAT
    row = letters.draft(db, operator, letters.TYPE_SK, assignment_ids=[assignment.id])
    content = _content(db, row.id)
    assert content["text_version"] == 0
    assert content["mengingat"][-1] == PERMENDESA
    assert "{desa}" not in content["menimbang"][0] and "Desa Suka Makmur" in content["menimbang"][0]
    assert content["menimbang"][2].endswith(f"tentang {content['subject']};")
    text = _flat(pdf_text(letters.pdf_bytes(db, row.id)))
    assert "Fokus Penggunaan Dana Desa Tahun 2025" in text


def test_saving_makes_a_new_version_audited_and_admin_only(setup, admin, operator):
    db, _kd, _a = setup
    text = replace(LetterText(), mengingat=(*letter_text.DEFAULT_MENGINGAT, "Peraturan Desa X;"))
    with pytest.raises(PermissionDenied):
        letter_text.save(db, operator, text)
    first = letter_text.save(db, admin, text)
    assert first.version == 1 and first.created_by == admin.username
    assert letter_text.save(db, admin, text).version == 1  # unchanged: no new version
    second = letter_text.save(
        db, admin, replace(text, closing={**text.closing, letters.TYPE_PAKTA: "Saya sanggup."})
    )
    assert second.version == 2
    assert [v.version for v in letter_text.history(db)] == [2, 1]
    assert letter_text.current(db).text.closing[letters.TYPE_PAKTA] == "Saya sanggup."
    with db.read() as session:
        saved = session.scalars(select(AuditLog).where(AuditLog.action == "letter_text.save")).all()
    assert len(saved) == 2


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        (replace(LetterText(), menimbang=("bahwa a;", "  ")), "menimbang.2", "kosong"),
        (replace(LetterText(), mengingat=()), "mengingat", "sedikitnya"),
        (replace(LetterText(), mengingat=("x" * 601,)), "mengingat.1", "panjang"),
        (replace(LetterText(), menimbang=("bahwa\x07 a;",)), "menimbang.1", "kendali"),
        (replace(LetterText(), menimbang=("bahwa {kades};",)), "menimbang.1", "{desa}"),
        (
            replace(LetterText(), closing={letters.TYPE_SK: ""}),
            f"closing.{letters.TYPE_SK}",
            "kosong",
        ),
    ],
)
def test_bad_text_is_refused_beside_its_field(village_db, admin, text, field, words):
    with pytest.raises(ValidationError) as err:
        letter_text.save(village_db, admin, text)
    assert field in err.value.field_errors and words in err.value.field_errors[field]
    assert letter_text.current(village_db).version == 0


def test_line_breaks_inside_an_item_become_spaces():
    cleaned = letter_text.validate(replace(LetterText(), menimbang=("bahwa\n  satu\tdua;",)))
    assert cleaned.menimbang == ("bahwa satu dua;",)


def test_approved_letter_keeps_its_text_and_verifies_after_an_edit(setup, admin, operator):
    db, kd, assignment = setup
    sk = letters.draft(db, operator, letters.TYPE_SK, assignment_ids=[assignment.id])
    approved = letters.approve(db, kd, sk.id, today=DAY)
    frozen = letters.pdf_bytes(db, approved.id)
    before = _content(db, approved.id)
    [payload] = qr_codes(frozen)

    edited = replace(
        LetterText(),
        menimbang=("bahwa Kas & Aset desa < Rp1.000.000 perlu dijaga;",),
        mengingat=("Peraturan Desa Suka Makmur Nomor 3 Tahun 2026 tentang APBDes;",),
        closing={letters.TYPE_SK: "Keputusan ini berlaku sejak tanggal 1 Januari 2026."},
    )
    assert letter_text.save(db, admin, edited).version == 1

    # The approved letter: same content, same PDF, still SAH by QR, by number and by file.
    assert _content(db, approved.id) == before and before["text_version"] == 0
    assert letters.pdf_bytes(db, approved.id) == frozen
    assert letters.verify(db, payload).status == letters.VERIFY_VALID
    assert letters.verify(db, approved.number or "").status == letters.VERIFY_VALID
    assert letters.verify_pdf(db, frozen).status == letters.VERIFY_VALID

    # A new draft uses version 1, "&" and "<" are printed as typed, and approval freezes it.
    new = letters.draft(db, operator, letters.TYPE_SK, assignment_ids=[assignment.id])
    content = _content(db, new.id)
    assert content["text_version"] == 1
    assert content["menimbang"] == ["bahwa Kas & Aset desa < Rp1.000.000 perlu dijaga;"]
    assert content["diktum"][-1] == "Keputusan ini berlaku sejak tanggal 1 Januari 2026."
    shown = _flat(pdf_text(letters.pdf_bytes(db, new.id)))
    assert "bahwa Kas & Aset desa < Rp1.000.000 perlu dijaga;" in shown
    assert "Peraturan Desa Suka Makmur Nomor 3 Tahun 2026 tentang APBDes;" in shown
    assert "Keputusan ini berlaku sejak tanggal 1 Januari 2026." in shown
    second = letters.approve(db, kd, new.id, today=DAY)
    printed = letters.pdf_bytes(db, second.id)
    assert "Kas & Aset desa < Rp1.000.000" in _flat(pdf_text(printed))
    [second_payload] = qr_codes(printed)
    assert letters.verify(db, second_payload).status == letters.VERIFY_VALID


def test_a_draft_made_before_an_edit_is_approved_with_the_current_text(setup, admin, operator):
    """What the kepala desa sees in the draft (rendered with the current text) is what the
    approval freezes, and the QR hash covers it: changing the stored text reads altered."""
    db, kd, assignment = setup
    st = letters.draft(db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[assignment.id])
    assert _content(db, st.id)["text_version"] == 0
    closing = "Demikian, untuk dilaksanakan & dilaporkan <segera>."
    letter_text.save(db, admin, replace(LetterText(), closing={letters.TYPE_SURAT_TUGAS: closing}))
    assert closing in _flat(pdf_text(letters.pdf_bytes(db, st.id)))
    approved = letters.approve(db, kd, st.id, today=DAY)
    content = _content(db, approved.id)
    assert content["penutup"] == closing and content["text_version"] == 1
    [payload] = qr_codes(letters.pdf_bytes(db, approved.id))
    assert letters.verify(db, payload).status == letters.VERIFY_VALID
    with db.transaction() as session:
        letter = session.get(Letter, approved.id)
        assert letter is not None
        letter.content_json = json.dumps({**content, "penutup": "Teks lain."})
    assert letters.verify(db, payload).status == letters.VERIFY_ALTERED


def test_pakta_items_with_markup_characters_render(setup, operator):
    db, _kd, assignment = setup
    row = letters.draft(db, operator, letters.TYPE_PAKTA, agent_id=assignment.agent_id)
    with db.transaction() as session:
        letter = session.get(Letter, row.id)
        assert letter is not None
        content = json.loads(letter.content_json)
        content["pernyataan"] = ["tidak memungut biaya < Rp0 & tidak <b>menerima</b> hadiah;"]
        letter.content_json = json.dumps(content)
    text = _flat(pdf_text(letters.pdf_bytes(db, row.id)))
    assert "tidak memungut biaya < Rp0 & tidak <b>menerima</b> hadiah;" in text


def _png(size: int = 120) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_kop_logo_is_checked_audited_and_new_letters_carry_it(setup, admin, operator):
    db, kd, assignment = setup
    approved = letters.approve(
        db, kd, letters.draft(db, operator, letters.TYPE_SK, assignment_ids=[assignment.id]).id
    )
    frozen = letters.pdf_bytes(db, approved.id)
    [payload] = qr_codes(frozen)
    for bad, words in ((b"not an image", "PNG atau JPEG"), (_png(8), "kecil")):
        with pytest.raises(ValidationError) as err:
            village.set_logo(db, admin, bad)
        assert words in err.value.field_errors["logo"]
    with pytest.raises(PermissionDenied):
        village.set_logo(db, operator, _png())
    assert village.letterhead(db).logo is None

    village.set_logo(db, admin, _png())
    assert village.letterhead(db).logo == _png()
    draft = letters.draft(db, operator, letters.TYPE_SK, assignment_ids=[assignment.id])
    images = subprocess.run(
        [
            "pdfimages",
            "-list",
            "-f",
            "1",
            "-l",
            "1",
            "-",
        ],
        input=letters.pdf_bytes(db, draft.id),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert " 120   120 " in images  # the logo on the kop
    # the approved letter keeps its PDF and still verifies
    assert letters.pdf_bytes(db, approved.id) == frozen
    assert letters.verify(db, payload).status == letters.VERIFY_VALID
    village.set_logo(db, admin, None)
    assert village.letterhead(db).logo is None
    with db.read() as session:
        actions = session.scalars(
            select(AuditLog.action).where(AuditLog.action == "village.logo")
        ).all()
    assert len(actions) == 2
