"""The Agen PESIAR ID card on the CR80 / ID-1 size (85.6 x 54 mm): a page for the front and
one for the back, or many cards on an A4 sheet with cut marks (`render_card_sheet`).

Front: village band; the agent's name across the card; photo box, Unsur, area and validity
in the middle; the verification QR in its own clear zone (four modules of white all round,
nothing printed on it) with the card number under the text. Every text wraps within its
column, shrinking to a floor size; the area keeps at most three lines and then says
"dan N RT lainnya". Back: what the card means, that agents never ask residents for money,
and who signed it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from pesiar_desktop.reportdata.letters import LetterDoc
from pesiar_desktop.reports.pdf_common import (
    A4,
    SANS,
    SANS_BOLD,
    draw_qr,
    image_reader,
    keep_rt_rw,
    mm,
    register_fonts,
    wrap_words,
)
from pesiar_desktop.rules.formatting import long_date

CARD = (85.6 * mm, 54 * mm)
BAND = colors.Color(0.08, 0.36, 0.62)
GREY = colors.Color(0.35, 0.35, 0.35)
EDGE = 3 * mm  # nothing printed closer to the card's edge
BAND_HEIGHT = 10.5 * mm
QR_ZONE = 18.5 * mm  # the QR with its quiet zone, bottom right
QR_BOTTOM = 5 * mm
QR_QUIET = 4  # modules of white around the code (the QR standard's quiet zone)
PHOTO = (15 * mm, 20 * mm)
AREA_LINES = 3


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    return [str(line) for line in simpleSplit(text, font, size, width)]


def _fit_lines(
    text: str, font: str, size: float, width: float, max_lines: int, floor: float = 5.0
) -> tuple[float, list[str]]:
    """The largest size from `size` down to `floor` at which `text` wraps into at most
    `max_lines` lines of `width`; at the floor, however many lines it takes."""
    current = size
    while True:
        lines = _split(text, font, current, width) or [""]
        if len(lines) <= max_lines or current <= floor:
            return current, lines
        current = max(floor, current - 0.25)


def _split_area(text: str, font: str, size: float, width: float) -> list[str]:
    return wrap_words(keep_rt_rw(text), font, size, width)


def area_lines(area: str, font: str, size: float, width: float) -> list[str]:
    """The area in at most three lines: as many RT as fit, then "dan N RT lainnya"; a line
    never ends inside "RT 005/RW 002"."""
    lines = _split_area(area, font, size, width)
    if len(lines) <= AREA_LINES:
        return lines
    # (dusun, ["RT 001/RW 002", ...]) from "Dusun A RT 001/RW 002, RT 002/RW 002; Dusun B
    # (seluruh dusun)" (services.assignments.area_labels).
    groups = []
    for part in area.split("; "):
        match = re.fullmatch(r"(.*?) (RT .+)", part)
        if match:
            groups.append((match.group(1), match.group(2).split(", ")))
        else:
            groups.append((part, []))
    items = [(g, rt) for g, rts in groups for rt in (rts or [None])]
    for keep in range(len(items) - 1, 0, -1):
        shown: dict[str, list[str]] = {}
        for dusun, rt in items[:keep]:
            shown.setdefault(dusun, [])
            if rt is not None:
                shown[dusun].append(rt)
        text = "; ".join(f"{d} {', '.join(r)}" if r else d for d, r in shown.items())
        rest = sum(1 for _d, rt in items[keep:] if rt is not None) or len(items) - keep
        candidate = _split_area(f"{text} dan {rest} RT lainnya", font, size, width)
        if len(candidate) <= AREA_LINES:
            return candidate
    return _split_area(f"{len(items)} RT", font, size, width)


def _label_and_value(
    c: Canvas,
    x: float,
    y: float,
    width: float,
    label: str,
    value: str,
    max_lines: int,
    font: str = SANS_BOLD,
    size: float = 6.5,
    floor: float = 5.0,
) -> float:
    """A grey label, the value under it (wrapped, shrunk to fit `max_lines` down to
    `floor`); returns the y under the value."""
    c.setFont(SANS, 4.8)
    c.setFillColor(GREY)
    c.drawString(x, y, label)
    c.setFillColor(colors.black)
    size, lines = _fit_lines(value or "-", font, size, width, max_lines, floor)
    y -= 1.2 * mm + size
    c.setFont(font, size)
    for line in lines:
        c.drawString(x, y, line)
        y -= size * 1.18
    return y - 1.5 * mm


def draw_front(c: Canvas, doc: LetterDoc) -> None:
    """The front with its lower-left corner at the canvas origin."""
    w, h = CARD
    content = doc.content
    agent = content.get("agent", {})
    profile = doc.letterhead.profile
    c.saveState()
    c.setFillColor(BAND)
    c.rect(0, h - BAND_HEIGHT, w, BAND_HEIGHT, stroke=0, fill=1)
    text_left = EDGE
    if doc.letterhead.logo:
        c.drawImage(
            image_reader(doc.letterhead.logo),
            2 * mm,
            h - BAND_HEIGHT + 1 * mm,
            BAND_HEIGHT - 2 * mm,
            BAND_HEIGHT - 2 * mm,
            mask="auto",
            preserveAspectRatio=True,
        )
        text_left = BAND_HEIGHT + 1.5 * mm
    band_width = w - text_left - EDGE
    c.setFillColor(colors.white)
    size, lines = _fit_lines("KARTU TANDA AGEN PESIAR", SANS_BOLD, 8.5, band_width, 1)
    c.setFont(SANS_BOLD, size)
    c.drawString(text_left, h - 4.8 * mm, lines[0])
    line2 = f"PEMERINTAH {profile.title.upper()} · KEC. {profile.kecamatan_name.upper()}"
    size, lines = _fit_lines(line2, SANS, 5.5, band_width, 2, floor=4.0)
    c.setFont(SANS, size)
    y = h - 7.6 * mm
    for line in lines[:2]:
        c.drawString(text_left, y, line)
        y -= size * 1.1

    # The name across the card, up to two lines.
    c.setFillColor(colors.black)
    name = str(agent.get("name", ""))
    size, lines = _fit_lines(name, SANS_BOLD, 8, w - 2 * EDGE, 2, floor=6.0)
    c.setFont(SANS_BOLD, size)
    y = h - BAND_HEIGHT - 1.5 * mm - size
    for line in lines:
        c.drawString(EDGE, y, line)
        y -= size * 1.15
    top = y - 0.5 * mm

    # Photo (or an empty frame to paste one).
    px, py = EDGE, top - PHOTO[1]
    c.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
    c.setLineWidth(0.5)
    if doc.photo:
        c.drawImage(image_reader(doc.photo), px, py, *PHOTO, preserveAspectRatio=True)
    else:
        c.rect(px, py, *PHOTO)
        c.setFont(SANS, 5.5)
        c.drawCentredString(px + PHOTO[0] / 2, py + PHOTO[1] / 2, "FOTO 2 x 3")
    # Valid until, under the photo.
    _label_and_value(
        c,
        px,
        py - 2 * mm,
        PHOTO[0] + 2 * mm,
        "Berlaku s.d.",
        long_date_str(content.get("valid_until")),
        2,
        size=5.5,
        floor=4.5,
    )

    # Unsur above the QR's clear zone (the full width), the area beside it.
    x = px + PHOTO[0] + 2.5 * mm
    y = top - 1.8 * mm
    y = _label_and_value(
        c, x, y, w - EDGE - x, "Unsur", str(agent.get("source", "")), 2, SANS, 6.0, 4.8
    )
    width = w - EDGE - QR_ZONE - 1.5 * mm - x
    c.setFont(SANS, 4.8)
    c.setFillColor(GREY)
    c.drawString(x, y, "Wilayah tugas")
    c.setFillColor(colors.black)
    y -= 1.2 * mm + 6
    c.setFont(SANS_BOLD, 6)
    for line in area_lines(str(content.get("area", "")) or "-", SANS_BOLD, 6, width):
        c.drawString(x, y, line)
        y -= 6 * 1.18

    if doc.payload:
        # The code's own quiet zone is part of QR_ZONE: nothing else is drawn there.
        draw_qr(c, doc.payload, w - EDGE - QR_ZONE + 1.5 * mm, QR_BOTTOM, QR_ZONE, QR_QUIET)
    c.setFont(SANS, 5)
    c.setFillColor(colors.black)
    size, lines = _fit_lines(f"No. {doc.shown_number}", SANS, 5, w - 2 * EDGE - QR_ZONE, 1, 4)
    c.setFont(SANS, size)
    c.drawString(EDGE, 2.9 * mm, lines[0])
    if doc.is_draft:
        c.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.5))
        c.setFont(SANS_BOLD, 26)
        c.translate(w / 2, h / 2)
        c.rotate(20)
        c.drawCentredString(0, -8, "KONSEP")
    c.restoreState()


def draw_back(c: Canvas, doc: LetterDoc) -> None:
    w, h = CARD
    profile = doc.letterhead.profile
    c.saveState()
    c.setFillColor(BAND)
    c.rect(0, 0, w, 3 * mm, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont(SANS_BOLD, 6.5)
    c.drawString(EDGE, h - 6 * mm, "KETENTUAN")
    notes = [
        f"Kartu ini tanda pengenal Agen PESIAR {profile.title}.",
        "Agen PESIAR membantu warga mendaftar JKN (BPJS Kesehatan) dan TIDAK memungut "
        "biaya apa pun dari warga.",
        "Periksa keaslian: pindai kode QR di kantor desa.",
        "Bila menemukan kartu ini, kembalikan ke kantor desa.",
    ]
    y = h - 9.5 * mm
    width = w - 2 * EDGE - 3 * mm
    for number, note in enumerate(notes, 1):
        c.setFont(SANS, 5.5)
        c.drawString(EDGE, y, f"{number}.")
        for line in simpleSplit(note, SANS, 5.5, width):
            c.drawString(EDGE + 3 * mm, y, line)
            y -= 2.4 * mm
        y -= 0.6 * mm
    kind = "Lurah" if profile.is_kelurahan else "Kepala Desa"
    sx = w - 46 * mm
    sw = w - sx - EDGE
    c.setFont(SANS, 5.5)
    top = 21 * mm
    for line in simpleSplit(
        f"{profile.desa_name}, {long_date(doc.letter_date) or '……………'}", SANS, 5.5, sw
    ) + simpleSplit(f"{kind} {profile.desa_name},", SANS, 5.5, sw):
        c.drawString(sx, top, line)
        top -= 2.4 * mm
    signer = doc.signer_name or profile.kepala_desa_name or "(nama kepala desa)"
    size, lines = _fit_lines(signer, SANS_BOLD, 6, sw, 2, floor=5.0)
    c.setFont(SANS_BOLD, size)
    y = 5.5 * mm + (len(lines) - 1) * size * 1.15
    for line in lines:
        c.drawString(sx, y, line)
        y -= size * 1.15
    c.restoreState()


def render_card(doc: LetterDoc) -> bytes:
    register_fonts()
    out = io.BytesIO()
    c = Canvas(out, pagesize=CARD, pageCompression=1)
    c.setTitle("Kartu Tanda Agen PESIAR")
    c.setCreator("PESIAR Desktop")
    draw_front(c, doc)
    c.showPage()
    draw_back(c, doc)
    c.showPage()
    c.save()
    return out.getvalue()


SHEET_COLUMNS, SHEET_ROWS = 2, 5
CUT_MARK = 4 * mm


def _sheet_origins() -> list[tuple[float, float]]:
    """Lower-left corners of the ten cards on an A4 page, centred, touching each other (one
    guillotine cut between neighbours)."""
    w, h = CARD
    left = (A4[0] - SHEET_COLUMNS * w) / 2
    bottom = (A4[1] - SHEET_ROWS * h) / 2
    return [
        (left + col * w, bottom + (SHEET_ROWS - 1 - row) * h)
        for row in range(SHEET_ROWS)
        for col in range(SHEET_COLUMNS)
    ]


def _cut_marks(c: Canvas) -> None:
    """Short lines in the page margin on every cutting line (none over the cards)."""
    w, h = CARD
    left = (A4[0] - SHEET_COLUMNS * w) / 2
    bottom = (A4[1] - SHEET_ROWS * h) / 2
    right, top = left + SHEET_COLUMNS * w, bottom + SHEET_ROWS * h
    c.saveState()
    c.setLineWidth(0.3)
    for col in range(SHEET_COLUMNS + 1):
        x = left + col * w
        c.line(x, top + 1 * mm, x, top + 1 * mm + CUT_MARK)
        c.line(x, bottom - 1 * mm, x, bottom - 1 * mm - CUT_MARK)
    for row in range(SHEET_ROWS + 1):
        y = bottom + row * h
        c.line(left - 1 * mm, y, left - 1 * mm - CUT_MARK, y)
        c.line(right + 1 * mm, y, right + 1 * mm + CUT_MARK, y)
    c.restoreState()


def render_card_sheet(docs: Sequence[LetterDoc]) -> bytes:
    """Cards ten to an A4 page with cut marks: a page of fronts, then the page of their backs
    placed for long-edge duplex printing (columns swapped, so each back lands behind its
    front)."""
    register_fonts()
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, pageCompression=1)
    c.setTitle("Kartu Tanda Agen PESIAR")
    c.setCreator("PESIAR Desktop")
    origins = _sheet_origins()
    per_page = len(origins)
    for start in range(0, len(docs), per_page):
        batch = docs[start : start + per_page]
        for side in ("front", "back"):
            _cut_marks(c)
            for index, doc in enumerate(batch):
                row, col = divmod(index, SHEET_COLUMNS)
                if side == "back":
                    col = SHEET_COLUMNS - 1 - col
                x, y = origins[row * SHEET_COLUMNS + col]
                c.saveState()
                c.translate(x, y)
                (draw_front if side == "front" else draw_back)(c, doc)
                c.restoreState()
            c.showPage()
    c.save()
    return out.getvalue()


def long_date_str(value: object) -> str:
    """Dates are stored as ISO text in the letter's content."""
    if isinstance(value, str) and value:
        return long_date(date.fromisoformat(value))
    return ""
