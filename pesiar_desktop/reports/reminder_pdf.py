"""Slip pengingat iuran: reminder slips a kader hands out, four to a page with cut lines.

Each slip: a one-line village heading (logo, desa, kecamatan, kabupaten), the title,
the family (name, address, area), what to pay (arrears, the next REHAB instalment, or the
first premium with its window), the JKN card or VA number, the kader's name with a
signature space, and the place and date. Long names and addresses wrap; a slip whose
text still would not fit is shrunk to its box (`KeepInFrame`), never drawn past its
cut line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Image, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from pesiar_desktop.reportdata.reminders import ReminderNotice
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.reports.pdf_common import mm
from pesiar_desktop.rules.formatting import rupiah
from pesiar_desktop.rules.premiums import ARREARS_MONTHS_CAP, REHAB_MIN_MONTHS

SLIPS_PER_PAGE = 4
MARGIN = 8 * mm
PAD = 4 * mm
AMOUNT_WIDTH = 58 * mm
LOGO = 11 * mm
SCISSORS = "\u2702"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=pdf_common.SANS, fontSize=9, leading=11.2)
    return {
        "base": base,
        "label": ParagraphStyle("label", parent=base, textColor=colors.HexColor("#444444")),
        "head": ParagraphStyle(
            "head", parent=base, fontName=pdf_common.SERIF_BOLD, fontSize=10, leading=12
        ),
        "sub": ParagraphStyle("sub", parent=base, fontName=pdf_common.SERIF, fontSize=7.5,
                              leading=9),
        "title": ParagraphStyle(
            "title", parent=base, fontName=pdf_common.SANS_BOLD, fontSize=10.5, leading=13,
            alignment=2,
        ),
        "right": ParagraphStyle("right", parent=base, fontSize=8, leading=10, alignment=2),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.2),
        "box": ParagraphStyle("box", parent=base, fontSize=8, leading=10, alignment=1),
        "amount": ParagraphStyle(
            "amount", parent=base, fontName=pdf_common.SANS_BOLD, fontSize=15, leading=18,
            alignment=1,
        ),
        "sign": ParagraphStyle("sign", parent=base, fontSize=8.5, leading=10.5, alignment=1),
    }  # fmt: skip


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _date(value: date | None) -> str:
    return pdf_common.long_date(value) if value else "-"


def _heading(
    notice: ReminderNotice, letterhead: Letterhead, width: float, s: dict[str, ParagraphStyle]
) -> Table:
    p = letterhead.profile
    kind = "KELURAHAN" if p.is_kelurahan else "DESA"
    texts = [
        Paragraph(_esc(f"PEMERINTAH {kind} {p.desa_name.upper()}"), s["head"]),
        Paragraph(_esc(f"Kecamatan {p.kecamatan_name} · {p.kabupaten_name}"), s["sub"]),
    ]
    right = [
        Paragraph(_esc(notice.title), s["title"]),
        Paragraph(_esc(f"{p.desa_name}, {_date(notice.as_of)}"), s["right"]),
    ]
    logo: object = ""
    logo_width = 0.0
    if letterhead.logo:
        reader = pdf_common.image_reader(letterhead.logo)
        iw, ih = reader.getSize()
        scale = min(LOGO / iw, LOGO / ih)
        logo = Image(io.BytesIO(letterhead.logo), iw * scale, ih * scale)
        logo_width = LOGO + 2 * mm
    title_width = 78 * mm
    table = Table(
        [[logo, texts, right]],
        colWidths=[logo_width, width - logo_width - title_width, title_width],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ]
        )
    )
    return table


def _facts(notice: ReminderNotice) -> list[tuple[str, str]]:
    """(label, value markup) rows of the slip's left side."""
    # "RW 001" and "RT 002" are kept whole when the address wraps.
    area = notice.area_label.replace("RW ", "RW\u00a0").replace("RT ", "RT\u00a0")
    address = ", ".join(part for part in (notice.address.strip(), area) if part)
    rows = [
        ("Kepada Yth.", f"<b>Bapak/Ibu {_esc(notice.head_name)}</b>"),
        ("Alamat", _esc(address) or "-"),
    ]
    if notice.is_arrears:
        capped = (
            f" (dihitung {ARREARS_MONTHS_CAP} bulan)" if notice.months > ARREARS_MONTHS_CAP else ""
        )
        rows.append(("Tunggakan", f"{notice.months} bulan{capped}, {notice.people} jiwa: "
                                  f"<b>{rupiah(notice.total_owed)}</b>"))  # fmt: skip
        if notice.rehab_seq:
            rows.append(("Cicilan REHAB", f"ke-{notice.rehab_seq} dari {notice.rehab_of}, "
                                          f"paling lambat {_date(notice.due_on)}"))  # fmt: skip
    else:
        rows.append(("Iuran pertama", f"<b>{rupiah(notice.amount)}</b> per bulan untuk "
                                      f"{notice.people} jiwa"))  # fmt: skip
        if notice.lapsed:
            window = f"batas {_date(notice.due_on)} sudah lewat: pendaftaran perlu diulang"
        elif notice.payable_from:
            window = f"mulai {_date(notice.payable_from)}, paling lambat {_date(notice.due_on)}"
        else:
            window = f"paling lambat {_date(notice.due_on)}"
        rows.append(("Dibayar", window))
    reference = notice.reference or (
        "(lihat kartu JKN)" if notice.is_arrears else "(belum terbit — tanyakan ke agen)"
    )
    rows.append((notice.reference_label, f"<b>{_esc(reference)}</b>"))
    kader = notice.kader_name or "...................................."
    if notice.kader_phone:
        kader += f" (HP {notice.kader_phone})"
    rows.append(("Agen PESIAR", _esc(kader)))
    return rows


def _note(notice: ReminderNotice) -> str:
    pay = (
        "Bayar melalui bank, kantor pos, minimarket atau aplikasi Mobile JKN dengan nomor di atas."
    )
    if notice.is_arrears:
        text = f"{pay} Setelah tunggakan lunas, kartu JKN aktif kembali."
        if not notice.rehab_seq and notice.months >= REHAB_MIN_MONTHS:
            text += (
                f" Tunggakan {REHAB_MIN_MONTHS}–{ARREARS_MONTHS_CAP} bulan dapat dicicil "
                "(program REHAB): tanyakan kepada Agen PESIAR."
            )
        return text
    if notice.lapsed:
        return "Hubungi Agen PESIAR untuk mendaftar ulang."
    return f"{pay} Kartu JKN aktif setelah iuran pertama dibayar."


def _amount_box(notice: ReminderNotice, s: dict[str, ParagraphStyle]) -> list[object]:
    if notice.is_arrears and notice.rehab_seq:
        caption, when = "Cicilan yang dibayar", f"paling lambat {_date(notice.due_on)}"
    elif notice.is_arrears:
        caption, when = "Tunggakan yang dibayar", f"per {_date(notice.as_of)}"
    elif notice.lapsed:  # nothing to pay any more: the family must register again
        return [
            Paragraph(f"Batas bayar {_esc(_date(notice.due_on))} sudah lewat", s["box"]),
            Paragraph("Daftar ulang", s["amount"]),
            Paragraph("hubungi Agen PESIAR", s["box"]),
        ]
    else:
        caption, when = "Iuran pertama", f"paling lambat {_date(notice.due_on)}"
    return [
        Paragraph(caption, s["box"]),
        Paragraph(rupiah(notice.amount), s["amount"]),
        Paragraph(_esc(when), s["box"]),
    ]


def _slip(
    notice: ReminderNotice, letterhead: Letterhead, width: float, s: dict[str, ParagraphStyle]
) -> list[object]:
    left_width = width - AMOUNT_WIDTH - 4 * mm
    label_width = 27 * mm
    facts = Table(
        [[Paragraph(label, s["label"]), Paragraph(value, s["base"])]
         for label, value in _facts(notice)],
        colWidths=[label_width, left_width - label_width],
    )  # fmt: skip
    facts.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
            ]
        )
    )
    box = Table([[_amount_box(notice, s)]], colWidths=[AMOUNT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f2f5f9")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    sign = [
        Spacer(1, 2 * mm),
        Paragraph("Agen PESIAR,", s["sign"]),
        Spacer(1, 9 * mm),
        Paragraph(f"( {_esc(notice.kader_name) or '.' * 36} )", s["sign"]),
    ]
    body = Table(
        [[[facts, Spacer(1, 1.5 * mm), Paragraph(_note(notice), s["small"])], [box, *sign]]],
        colWidths=[left_width + 4 * mm, AMOUNT_WIDTH],
    )
    body.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return [_heading(notice, letterhead, width, s), body]


def _cut_line(canvas: Canvas, y: float, page_width: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#777777"))
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    canvas.line(MARGIN + 5 * mm, y, page_width - MARGIN, y)
    canvas.setFillColor(colors.HexColor("#777777"))
    canvas.setFont(pdf_common.SANS, 9)
    canvas.drawString(MARGIN, y - 3, SCISSORS)
    canvas.restoreState()


def write_reminder_slips_pdf(
    notices: Sequence[ReminderNotice],
    path: Path | str,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
) -> Path:
    """Writes the slips, `SLIPS_PER_PAGE` to a page, top to bottom, in the given order."""
    path = Path(path)
    canvas = pdf_common.new_canvas(
        str(path), paper, title="Slip pengingat iuran JKN", author=letterhead.profile.title
    )
    page_width, page_height = pdf_common.page_size(paper)
    slip_height = (page_height - 2 * MARGIN) / SLIPS_PER_PAGE
    width = page_width - 2 * MARGIN
    s = _styles()
    for index, notice in enumerate(notices):
        slot = index % SLIPS_PER_PAGE
        if slot == 0 and index:
            canvas.showPage()
        top = page_height - MARGIN - slot * slip_height
        if slot:
            _cut_line(canvas, top, page_width)
        frame = Frame(
            MARGIN, top - slip_height, width, slip_height,
            leftPadding=PAD, rightPadding=PAD, topPadding=PAD, bottomPadding=PAD - 1 * mm,
            showBoundary=0,
        )  # fmt: skip
        inner_width, inner_height = width - 2 * PAD, slip_height - 2 * PAD
        content = _slip(notice, letterhead, inner_width, s)
        frame.addFromList([KeepInFrame(inner_width, inner_height, content, mode="shrink")],
                          canvas)  # fmt: skip
    canvas.showPage()
    canvas.save()
    return path
