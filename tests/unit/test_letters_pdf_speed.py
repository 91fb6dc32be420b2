"""The speed-ups of the letter PDFs keep them correct: QR codes from both encoders read back,
the remembered font embedding writes the bytes a fresh process writes, a batch page looks
like the letter rendered on its own."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops
from reportlab.pdfgen.canvas import Canvas

from pesiar_desktop.reportdata.letters import TYPE_SURAT_TUGAS, LetterDoc
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile
from pesiar_desktop.reports import letters_pdf, pdf_common
from pesiar_desktop.reports.pdf_common import draw_qr, mm, register_fonts

ROOT = Path(__file__).resolve().parents[2]
PROFILE = VillageProfile(
    1,
    "52.01.01.2005",
    "Suka Makmur",
    "Gerung",
    "Kabupaten Lombok Barat",
    "Nusa Tenggara Barat",
    "Jl. Raya Suka Makmur No. 1",
    "83363",
    "(0370) 681234",
    "",
    "H. Lalu Muhammad Sukri",
    "Baiq Nurhayati",
    False,
)


def surat_tugas(i: int) -> LetterDoc:
    number = f"094/{i:03d}/DS-2005/I/2026"
    return LetterDoc(
        letter_type=TYPE_SURAT_TUGAS,
        letterhead=Letterhead(PROFILE),
        content={
            "agent": {"name": f"Agen Nomor {i}", "nik": f"52010141079{i:05d}"},
            "area": f"RT {i:03d}",
            "dasar": ["Keputusan Kepala Desa tentang Pengangkatan Agen PESIAR;"],
            "untuk": [f"wilayah tugas: RT {i:03d};", "tidak memungut biaya dari penduduk."],
        },
        number=number,
        letter_date=date(2026, 1, 5),
        signer_name=PROFILE.kepala_desa_name,
        payload=f"PESIAR|5201012005|{number}|2026-01-05|{i:016x}",
    )


def png(data: bytes, page: int = 1, dpi: int = 100) -> Image.Image:
    out = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout
    return Image.open(io.BytesIO(out)).convert("RGB")


def without_dates(data: bytes) -> bytes:
    """The PDF minus what differs between two renders by design (dates, file ID)."""
    return re.sub(
        rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]", b"", data
    )


@pytest.mark.parametrize("encoder", ["zxing-cpp", "reportlab"])
def test_qr_reads_back_from_either_encoder(encoder, monkeypatch):
    if encoder == "reportlab":
        monkeypatch.setattr(pdf_common, "_zxing", None)
    else:
        assert pdf_common._zxing is not None  # the runtime dependency is installed
    payloads = ["PESIAR|5201012005|094/001/DS-2005/I/2026|2026-01-05|00000000000000ff", "x" * 90]
    out = io.BytesIO()
    canvas = Canvas(out)
    for n, payload in enumerate(payloads):
        draw_qr(canvas, payload, 30 * mm + n * 80 * mm, 200 * mm, 30 * mm)
    canvas.save()
    found = [r.text for r in zxingcpp.read_barcodes(png(out.getvalue(), dpi=150))]
    assert sorted(found) == sorted(payloads)


def test_remembered_font_embedding_writes_the_same_bytes():
    """A letter rendered after others (font subsets remembered) is byte for byte the letter a
    fresh process renders first (dates and file ID aside): the frozen PDF stays reproducible."""
    register_fonts()
    for i in (1, 2, 3):
        letters_pdf.render(surat_tugas(i))
    warm = letters_pdf.render(surat_tugas(7))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from tests.unit.test_letters_pdf_speed import surat_tugas\n"
        "from pesiar_desktop.reports import letters_pdf\n"
        "sys.stdout.buffer.write(letters_pdf.render(surat_tugas(7)))\n"
    )
    cold = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, check=True, cwd=ROOT
    ).stdout
    assert cold.startswith(b"%PDF") and b"/FontFile2" in cold
    assert without_dates(warm) == without_dates(cold)


def test_batch_page_looks_like_the_letter_alone():
    docs = [surat_tugas(i) for i in (4, 5, 6)]
    batch = letters_pdf.render_surat_tugas_batch(docs)
    for page, doc in enumerate(docs, 1):
        alone = png(letters_pdf.render(doc))
        assert ImageChops.difference(png(batch, page), alone).getbbox() is None


def test_contact_line_wraps_beside_a_logo_instead_of_overlapping_it():
    """A long address with phone and e-mail goes on two lines rather than shrinking
    under the logo (one line would be ~140 mm against ~105 mm beside the logo)."""
    from reportlab.pdfbase import pdfmetrics

    from pesiar_desktop.reports.pdf_common import (
        CONTACT_WIDTH,
        SERIF_ITALIC,
        contact_rows,
        letterhead_lines,
    )

    head = Letterhead(replace(PROFILE, email="pemdes.sukamakmur@example.com"), b"logo")
    rows = contact_rows(head)
    assert len(rows) == 2
    assert rows[0].startswith("Alamat:") and "Telp." in rows[1] and "Email:" in rows[1]
    assert all(pdfmetrics.stringWidth(r, SERIF_ITALIC, 8.5) <= CONTACT_WIDTH for r in rows)
    assert [t for t, _s, _f in letterhead_lines(head)][-2:] == rows
