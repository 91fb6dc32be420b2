"""The Agen PESIAR ID card: an ID-1 (85.6 x 54 mm) page for the front and one for the back.

Front: village header, photo, name, area, validity, card number and the verification QR.
Back: what the card means, that agents never ask residents for money, and who signed it.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from pesiar_desktop.reportdata.letters import LetterDoc
from pesiar_desktop.reports.pdf_common import (
    SANS,
    SANS_BOLD,
    draw_qr,
    image_reader,
    mm,
    register_fonts,
)
from pesiar_desktop.rules.formatting import long_date

CARD = (85.6 * mm, 54 * mm)
BAND = colors.Color(0.08, 0.36, 0.62)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> None:
    while size > 5 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.25
    canvas.setFont(font, size)


def render_card(doc: LetterDoc) -> bytes:
    register_fonts()
    out = io.BytesIO()
    w, h = CARD
    c = Canvas(out, pagesize=CARD, pageCompression=1)
    c.setTitle("Kartu Tanda Agen PESIAR")
    c.setCreator("PESIAR Desktop")
    content = doc.content
    agent = content.get("agent", {})
    profile = doc.letterhead.profile

    # Front: header band.
    c.setFillColor(BAND)
    c.rect(0, h - 12 * mm, w, 12 * mm, stroke=0, fill=1)
    text_left = 3 * mm
    if doc.letterhead.logo:
        c.drawImage(
            image_reader(doc.letterhead.logo),
            2 * mm,
            h - 11 * mm,
            10 * mm,
            10 * mm,
            mask="auto",
            preserveAspectRatio=True,
        )
        text_left = 13.5 * mm
    c.setFillColor(colors.white)
    _fit(c, "KARTU TANDA AGEN PESIAR", SANS_BOLD, 9, w - text_left - 3 * mm)
    c.drawString(text_left, h - 5.5 * mm, "KARTU TANDA AGEN PESIAR")
    line2 = f"PEMERINTAH {profile.title.upper()} · KEC. {profile.kecamatan_name.upper()}"
    _fit(c, line2, SANS, 6, w - text_left - 3 * mm)
    c.drawString(text_left, h - 9.5 * mm, line2)

    # Photo (or an empty frame to paste one).
    photo_w, photo_h = 20 * mm, 26 * mm
    px, py = 3 * mm, h - 14 * mm - photo_h
    c.setFillColor(colors.black)
    c.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
    c.setLineWidth(0.5)
    if doc.photo:
        c.drawImage(image_reader(doc.photo), px, py, photo_w, photo_h, preserveAspectRatio=True)
    else:
        c.rect(px, py, photo_w, photo_h)
        c.setFont(SANS, 6)
        c.drawCentredString(px + photo_w / 2, py + photo_h / 2, "FOTO 2 x 3")

    # Identity lines.
    x = px + photo_w + 3 * mm
    qr = 18 * mm
    text_w = w - x - qr - 4 * mm
    y = h - 17.5 * mm
    name = str(agent.get("name", ""))
    _fit(c, name, SANS_BOLD, 9, text_w)
    c.drawString(x, y, name)
    rows = [
        ("Unsur", str(agent.get("source", ""))),
        ("Wilayah", str(content.get("area", ""))),
        ("Berlaku s.d.", long_date_str(content.get("valid_until"))),
    ]
    y -= 4.5 * mm
    for label, value in rows:
        c.setFont(SANS, 5.5)
        c.setFillColor(colors.Color(0.35, 0.35, 0.35))
        c.drawString(x, y, label)
        c.setFillColor(colors.black)
        y -= 2.8 * mm
        _fit(c, value or "-", SANS_BOLD, 7, text_w)
        c.drawString(x, y, value or "-")
        y -= 3.8 * mm
    if doc.payload:
        draw_qr(c, doc.payload, w - qr - 2 * mm, 7 * mm, qr)
    c.setFont(SANS, 5.5)
    c.drawString(3 * mm, 3 * mm, f"No. {doc.shown_number}")
    if doc.is_draft:
        c.saveState()
        c.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.5))
        c.setFont(SANS_BOLD, 26)
        c.translate(w / 2, h / 2)
        c.rotate(20)
        c.drawCentredString(0, -8, "KONSEP")
        c.restoreState()
    c.showPage()

    # Back.
    c.setFillColor(BAND)
    c.rect(0, 0, w, 4 * mm, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont(SANS_BOLD, 7)
    c.drawString(4 * mm, h - 6 * mm, "KETENTUAN")
    notes = [
        f"1. Kartu ini tanda pengenal Agen PESIAR {profile.title}.",
        "2. Agen PESIAR membantu warga mendaftar JKN (BPJS Kesehatan)",
        "    dan TIDAK memungut biaya apa pun dari warga.",
        "3. Periksa keaslian: pindai kode QR di kantor desa.",
        "4. Bila menemukan kartu ini, kembalikan ke kantor desa.",
    ]
    c.setFont(SANS, 6)
    y = h - 10 * mm
    for line in notes:
        c.drawString(4 * mm, y, line)
        y -= 3.2 * mm
    kind = "Lurah" if profile.is_kelurahan else "Kepala Desa"
    sx = w - 44 * mm
    c.setFont(SANS, 6)
    c.drawString(sx, 22 * mm, f"{profile.desa_name}, {long_date(doc.letter_date) or '……………'}")
    c.drawString(sx, 19 * mm, f"{kind} {profile.desa_name},")
    signer = doc.signer_name or profile.kepala_desa_name or "(nama kepala desa)"
    _fit(c, signer, SANS_BOLD, 6.5, w - sx - 2 * mm)
    c.drawString(sx, 8 * mm, signer)
    c.showPage()
    c.save()
    return out.getvalue()


def long_date_str(value: object) -> str:
    """Dates are stored as ISO text in the letter's content."""
    if isinstance(value, str) and value:
        return long_date(date.fromisoformat(value))
    return ""
