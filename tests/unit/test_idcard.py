"""The Agen PESIAR ID card (issue 15 item 3): CR80 size, every text inside the card and its
column, the QR in a clear zone and readable at 300 dpi for every demo agent and for the
long-text agent, and the A4 sheet of cards with cut marks."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from datetime import date, datetime
from pathlib import Path

import pdfplumber
import pytest
import time_machine
import zxingcpp
from PIL import Image

from pesiar_desktop import demo
from pesiar_desktop.db import open_database
from pesiar_desktop.models import Letter
from pesiar_desktop.reports import idcard_pdf
from pesiar_desktop.services import assignments, letters, users
from pesiar_desktop.services.context import SYSTEM
from tests import long_text as lt
from tests.pdf_fit import MM, check_pdf_fits

TODAY = date(2026, 11, 23)


def qr_texts(data: bytes, page: int = 1, dpi: int = 300) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l",
             str(page), str(pdf), f"{tmp}/p"],
            check=True,
        )  # fmt: skip
        with Image.open(f"{tmp}/p.png") as image:
            return sorted(r.text for r in zxingcpp.read_barcodes(image))


def assert_clear_zone(data: bytes) -> None:
    """No glyph inside the QR's clear zone (bottom right of the front)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        zone_left = float(page.width) - (idcard_pdf.EDGE + idcard_pdf.QR_ZONE - 1.5 * MM)
        zone_top = float(page.height) - (idcard_pdf.QR_BOTTOM + idcard_pdf.QR_ZONE)
        inside = [c["text"] for c in page.chars if c["x1"] > zone_left and c["bottom"] > zone_top]
        assert inside == []


@pytest.fixture(scope="module")
def demo_cards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    db = open_database(f"sqlite:///{folder}/demo.db", backup_dir=folder / "b")
    with time_machine.travel(datetime(2026, 11, 23, 10), tick=False):
        demo.generate(db, SYSTEM, residents=300, seed=7, today=TODAY)
        kades = users.get_actor(db, "kades")
        ids = []
        for a in assignments.list_assignments(db):
            row = letters.draft(db, SYSTEM, letters.TYPE_ID_CARD, assignment_ids=[a.id])
            letters.approve(db, kades, row.id, today=TODAY)
            ids.append(row.id)
    yield db, ids
    db.dispose()


def _payload(db, letter_id: int) -> str:
    with db.read() as session:
        return str(session.get(Letter, letter_id).payload)


def test_every_demo_card_reads_back_at_300_dpi(demo_cards):
    db, ids = demo_cards
    assert len(ids) >= 6
    for letter_id in ids:
        data = letters.pdf_bytes(db, letter_id)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert [round(p.width / MM, 1) for p in pdf.pages] == [85.6, 85.6]
            assert [round(p.height / MM, 1) for p in pdf.pages] == [54.0, 54.0]
        assert qr_texts(data) == [_payload(db, letter_id)]
        assert check_pdf_fits(data, [], margin=2.5 * MM) == []
        assert_clear_zone(data)


def test_long_text_card(tmp_path):
    built = lt.build(tmp_path)
    try:
        data = built.pdfs["id_card"]
        assert check_pdf_fits(data, [lt.AGENT, lt.UNSUR, lt.KADES], margin=2.5 * MM) == []
        assert_clear_zone(data)
        with built.db.read() as session:
            payload = session.query(Letter).filter_by(letter_type=letters.TYPE_ID_CARD).one()
        assert qr_texts(data) == [payload.payload]
        flat = " ".join(subprocess.run(
            ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
        ).stdout.decode().split())  # fmt: skip
        assert "RT lainnya" in flat  # 12 RT do not fit in three lines
    finally:
        built.db.dispose()


def test_area_keeps_three_lines():
    area = "; ".join(
        f"Dusun Nama Panjang {d} RT 001/RW 00{n}, RT 002/RW 00{n}, RT 003/RW 00{n}"
        for n, d in enumerate("ABCD", start=1)
    )
    lines = idcard_pdf.area_lines(area, "PesiarSans-Bold", 6, 40 * MM)
    assert len(lines) <= 3 and lines[-1].endswith("RT lainnya")
    assert not any(re.search(r"(RT|/RW)$", line) for line in lines)  # "RT 001/RW 001" whole
    flat = " ".join(lines).replace("\xa0", " ")
    assert flat.startswith("Dusun Nama Panjang A RT 001/RW 001, RT 002/RW 001")
    shown = flat.count("RT 0")
    assert flat.endswith(f"dan {12 - shown} RT lainnya")  # every RT shown or counted
    one = idcard_pdf.area_lines("Dusun Krajan RT 001/RW 002", "PesiarSans-Bold", 6, 40 * MM)
    assert [line.replace("\xa0", " ") for line in one] == ["Dusun Krajan RT 001/RW 002"]
    # A whole dusun and a village without RW.
    whole = idcard_pdf.area_lines(
        "Dusun Krajan RT 001, RT 002; Dusun Timur (seluruh dusun)", "PesiarSans-Bold", 6, 40 * MM
    )
    assert (
        " ".join(whole).replace("\xa0", " ")
        == "Dusun Krajan RT 001, RT 002; Dusun Timur (seluruh dusun)"
    )


def test_a4_sheet_with_cut_marks(demo_cards):
    db, ids = demo_cards
    data = letters.card_sheet_pdf(db, ids)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2  # fronts, then backs
        front = pdf.pages[0]
        assert round(front.width / MM) == 210 and round(front.height / MM) == 297
        # Cut marks: short lines outside the block of cards, on every cutting line.
        marks = [line for line in front.lines if abs(line["x1"] - line["x0"]) < 0.1]
        assert len(marks) >= 2 * (idcard_pdf.SHEET_COLUMNS + 1)
    assert qr_texts(data) == sorted(_payload(db, i) for i in ids)
    assert check_pdf_fits(data, [], margin=5 * MM) == []
