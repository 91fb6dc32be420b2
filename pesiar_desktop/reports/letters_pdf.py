"""The letters the kepala desa signs, as PDF: SK with its lampiran, Surat Tugas, Pakta Integritas.

Rendering takes plain data (``LetterDoc``), never the database: the letters service builds
the document from the letter's stored content and freezes the bytes on approval. A draft
(no number yet) prints "KONSEP" across the page and dotted gaps where the number goes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from pesiar_desktop.reports.pdf_common import (
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    Letterhead,
    LetterheadFlowable,
    SignatureBlock,
    SignatureFlowable,
    draw_qr,
    mm,
    page_size,
    register_fonts,
)
from pesiar_desktop.rules.formatting import long_date, rupiah
from pesiar_desktop.rules.formatting import number as fmt_number

TYPE_SK = "SK"
TYPE_SURAT_TUGAS = "SURAT_TUGAS"
TYPE_PAKTA = "PAKTA"
TYPE_ID_CARD = "ID_CARD"
LETTER_TYPES = {
    TYPE_SK: "SK Kepala Desa (pengangkatan Agen PESIAR)",
    TYPE_SURAT_TUGAS: "Surat Tugas Agen PESIAR",
    TYPE_PAKTA: "Pakta Integritas Agen PESIAR",
    TYPE_ID_CARD: "Kartu Tanda Agen PESIAR",
}
DRAFT_NUMBER = "……/……/……/……/……"

MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm
QR_SIZE = 20 * mm


@dataclass(frozen=True)
class LetterDoc:
    """Everything a letter shows. ``content`` is the letter's stored JSON (type-specific)."""

    letter_type: str
    letterhead: Letterhead
    content: dict[str, Any]
    number: str | None = None  # None: a draft
    letter_date: date | None = None
    signature_variant: str = "kades"
    signer_name: str = ""
    signer_title: str = ""
    paper: str = "A4"
    payload: str | None = None  # QR text (approved letters)
    photo: bytes | None = None  # ID card
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_draft(self) -> bool:
        return self.number is None

    @property
    def shown_number(self) -> str:
        return self.number or DRAFT_NUMBER


# --- styles --------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=SERIF, fontSize=11, leading=14.5, alignment=TA_JUSTIFY)
    return {
        "body": base,
        "left": ParagraphStyle("left", parent=base, alignment=0),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SERIF_BOLD, fontSize=12, leading=16, alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=11.5, alignment=0),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, alignment=0),
        "cellc": ParagraphStyle(
            "cellc", parent=base, fontSize=9.5, leading=12, alignment=TA_CENTER
        ),
        "head": ParagraphStyle(
            "head", parent=base, fontName=SERIF_BOLD, fontSize=9.5, leading=12, alignment=TA_CENTER
        ),
    }


_STYLE_CACHE: dict[str, ParagraphStyle] = {}


def styles() -> dict[str, ParagraphStyle]:
    if not _STYLE_CACHE:
        _STYLE_CACHE.update(_styles())
    return _STYLE_CACHE


def P(text: str, style: str = "body") -> Paragraph:  # noqa: N802
    return Paragraph(text, styles()[style])


def e(text: object) -> str:
    """Escape user text for a Paragraph."""
    return escape(str(text))


def _label_table(
    rows: Sequence[tuple[str, Sequence[Flowable] | Flowable | str]],
    width: float,
    label_width: float = 32 * mm,
) -> Table:
    """ "Menimbang : a. …" style rows: label, colon, content."""
    data = []
    for label, content in rows:
        cell: Any = P(content) if isinstance(content, str) else content
        data.append([P(label, "left"), P(":", "left"), cell])
    table = Table(data, colWidths=[label_width, 5 * mm, width - label_width - 5 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _enumerated(items: Sequence[str], marks: Sequence[str], width: float) -> Table:
    """A hanging-indent list (a., b., … or 1., 2., …) inside a cell."""
    data = [[P(mark, "left"), P(text)] for mark, text in zip(marks, items, strict=False)]
    table = Table(data, colWidths=[7 * mm, width - 7 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


LETTERS = "abcdefghijklmnopqrstuvwxyz"
ORDINALS = (
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
)


def _grid(data: list[list[Any]], widths: Sequence[float], header_rows: int = 1) -> Table:
    table = Table(data, colWidths=list(widths), repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# --- page decoration ------------------------------------------------------------------------------


def _page_decorator(doc: LetterDoc) -> Callable[[Any, Any], None]:
    width, height = page_size(doc.paper)

    def on_page(canvas: Any, template: Any) -> None:
        canvas.saveState()
        if doc.is_draft:
            canvas.setFont(SERIF_BOLD, 90)
            canvas.setFillColor(colors.Color(0.85, 0.85, 0.85, alpha=0.5))
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -30, "KONSEP")
            canvas.restoreState()
            canvas.saveState()
        canvas.setFont(SERIF_ITALIC, 7.5)
        canvas.setFillColor(colors.Color(0.3, 0.3, 0.3))
        page = canvas.getPageNumber()
        bottom = 8 * mm
        if doc.payload:
            draw_qr(canvas, doc.payload, MARGIN_LEFT, bottom, QR_SIZE * 0.8)
            canvas.drawString(
                MARGIN_LEFT + QR_SIZE * 0.8 + 2 * mm,
                bottom + 10 * mm,
                f"Nomor {doc.shown_number} · {long_date(doc.letter_date)}",
            )
            canvas.drawString(
                MARGIN_LEFT + QR_SIZE * 0.8 + 2 * mm,
                bottom + 6.5 * mm,
                "Keaslian surat ini dapat diperiksa dengan memindai kode QR "
                "di kantor desa (menu Verifikasi surat).",
            )
        elif doc.is_draft:
            canvas.drawString(
                MARGIN_LEFT,
                bottom + 6 * mm,
                "KONSEP — belum bernomor dan belum disetujui Kepala Desa.",
            )
        canvas.drawRightString(width - MARGIN_RIGHT, bottom + 2 * mm, f"Halaman {page}")
        canvas.restoreState()

    return on_page


def build_pdf(doc: LetterDoc, story: list[Flowable], title: str) -> bytes:
    """Lay the story out on the letter's paper with the QR/draft decorations on every page."""
    width, height = page_size(doc.paper)
    out = io.BytesIO()
    template = BaseDocTemplate(
        out,
        pagesize=(width, height),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM + (8 * mm if doc.payload else 0),
        title=title,
        author=doc.letterhead.profile.title,
        creator="PESIAR Desktop",
        subject=doc.shown_number,
    )
    frame = Frame(
        template.leftMargin,
        template.bottomMargin,
        template.width,
        template.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_page_decorator(doc))]
    )
    template.build(story)
    return out.getvalue()


def text_width(doc: LetterDoc) -> float:
    width, _ = page_size(doc.paper)
    return width - MARGIN_LEFT - MARGIN_RIGHT


def _signature(doc: LetterDoc, enacted: bool = False, place_date: bool = True) -> SignatureBlock:
    return SignatureBlock(
        doc.letterhead.profile,
        doc.letter_date,
        variant=doc.signature_variant,
        signer_name=doc.signer_name,
        signer_title=doc.signer_title,
        enacted=enacted,
    )


def office_name_of(letterhead: Letterhead) -> str:
    """ "Kepala Desa Suka Makmur" ("Lurah …" for a kelurahan)."""
    p = letterhead.profile
    return f"{'Lurah' if p.is_kelurahan else 'Kepala Desa'} {p.desa_name}"


def office_name(doc: LetterDoc) -> str:
    return office_name_of(doc.letterhead)


# --- SK --------------------------------------------------------------------------------------------


def sk_story(doc: LetterDoc) -> list[Flowable]:
    c = doc.content
    w = text_width(doc)
    office = office_name(doc).upper()
    year = (doc.letter_date or date.today()).year
    subject = str(c.get("subject", "PENGANGKATAN AGEN PESIAR"))
    story: list[Flowable] = [LetterheadFlowable(doc.letterhead, w), Spacer(1, 5 * mm)]
    story += [
        P(f"KEPUTUSAN {e(office)}", "title"),
        P(f"NOMOR {e(doc.shown_number)} TAHUN {year if doc.number else '……'}", "title"),
        Spacer(1, 2 * mm),
        P("TENTANG", "title"),
        P(e(subject.upper()), "title"),
        Spacer(1, 4 * mm),
        P(f"{e(office)},", "title"),
        Spacer(1, 3 * mm),
    ]
    considering = list(c.get("menimbang", []))
    basis = list(c.get("mengingat", []))
    inner = w - 37 * mm
    story.append(
        _label_table(
            [
                ("Menimbang", _enumerated(considering, [f"{x}." for x in LETTERS], inner)),
                ("Mengingat", _enumerated(basis, [f"{i}." for i in range(1, 50)], inner)),
            ],
            w,
        )
    )
    story += [Spacer(1, 3 * mm), P("MEMUTUSKAN:", "title"), Spacer(1, 2 * mm)]
    decisions = list(c.get("diktum", []))
    rows: list[tuple[str, Any]] = [
        ("Menetapkan", f"KEPUTUSAN {e(office)} TENTANG {e(subject.upper())}.")
    ]
    rows += [(ORDINALS[i], text) for i, text in enumerate(decisions)]
    story.append(_label_table(rows, w))
    story += [Spacer(1, 6 * mm), _right(SignatureFlowable(_signature(doc, enacted=True), w))]
    copies = list(c.get("tembusan", []))
    if copies:
        story += [
            Spacer(1, 4 * mm),
            P("<u>Tembusan</u> disampaikan kepada Yth.:", "small"),
            *[
                P(f"{i}. {e(t)};" if i < len(copies) else f"{i}. {e(t)}.", "small")
                for i, t in enumerate(copies, 1)
            ],
        ]
    story += [PageBreak(), *_sk_attachment(doc, subject, w)]
    return story


def _right(flowable: Flowable) -> Flowable:
    return KeepTogether([flowable])


def _sk_attachment(doc: LetterDoc, subject: str, w: float) -> list[Flowable]:
    c = doc.content
    office = office_name(doc).upper()
    head = Table(
        [
            [P("LAMPIRAN", "small"), P(":", "small"), P(f"KEPUTUSAN {e(office)}", "small")],
            [P("NOMOR", "small"), P(":", "small"), P(e(doc.shown_number), "small")],
            [
                P("TANGGAL", "small"),
                P(":", "small"),
                P(e(long_date(doc.letter_date) or "……"), "small"),
            ],
            [P("TENTANG", "small"), P(":", "small"), P(e(subject.upper()), "small")],
        ],
        colWidths=[23 * mm, 4 * mm, 64 * mm],
        hAlign="RIGHT",
    )
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    agents = list(c.get("agents", []))
    title = f"DAFTAR AGEN PESIAR {e(doc.letterhead.profile.title.upper())}"
    period = c.get("period")
    story: list[Flowable] = [
        head,
        Spacer(1, 6 * mm),
        P(title, "title"),
    ]
    if period:
        story.append(P(f"MASA TUGAS {e(str(period).upper())}", "title"))
    story.append(Spacer(1, 4 * mm))
    widths = [10 * mm, 42 * mm, 36 * mm, w - 10 * mm - 42 * mm - 36 * mm - 20 * mm, 20 * mm]
    data: list[list[Any]] = [
        [
            P("No", "head"),
            P("Nama", "head"),
            P("Unsur", "head"),
            P("Wilayah Tugas", "head"),
            P("KK Binaan", "head"),
        ]
    ]
    for i, agent in enumerate(agents, 1):
        data.append(
            [
                P(str(i), "cellc"),
                P(e(agent.get("name", "")), "cell"),
                P(e(agent.get("source", "")), "cell"),
                P(e(agent.get("area", "")), "cell"),
                P(fmt_number(int(agent.get("families", 0))), "cellc"),
            ]
        )
    story += [_grid(data, widths), Spacer(1, 8 * mm), CondPageBreak(60 * mm)]
    story.append(_right(SignatureFlowable(_signature(doc, enacted=False), w)))
    return story


# --- Surat Tugas -------------------------------------------------------------------------------------


def surat_tugas_story(doc: LetterDoc) -> list[Flowable]:
    c = doc.content
    w = text_width(doc)
    agent = c.get("agent", {})
    story: list[Flowable] = [LetterheadFlowable(doc.letterhead, w), Spacer(1, 4 * mm)]
    story += [
        P("<u>SURAT TUGAS</u>", "title"),
        P(f"Nomor: {e(doc.shown_number)}", "center"),
        Spacer(1, 4 * mm),
    ]
    inner = w - 37 * mm
    basis = list(c.get("dasar", []))
    story.append(
        _label_table([("Dasar", _enumerated(basis, [f"{i}." for i in range(1, 20)], inner))], w)
    )
    story += [Spacer(1, 3 * mm), P("MENUGASKAN:", "title"), Spacer(1, 3 * mm)]
    person = [
        ("Nama", f"<b>{e(agent.get('name', ''))}</b>"),
        ("NIK", e(agent.get("nik", "") or "-")),
        ("Jabatan", e(agent.get("position", "Agen PESIAR"))),
        ("Unsur", e(agent.get("source", ""))),
        ("Alamat", e(agent.get("address", "") or "-")),
        ("Nomor HP", e(agent.get("phone", "") or "-")),
    ]
    story.append(_label_table([("Kepada", _label_table(person, inner, 24 * mm))], w))
    tasks = list(c.get("untuk", []))
    story += [
        Spacer(1, 2 * mm),
        _label_table([("Untuk", _enumerated(tasks, [f"{i}." for i in range(1, 30)], inner))], w),
        Spacer(1, 3 * mm),
        P(
            e(
                c.get(
                    "penutup",
                    "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.",
                )
            )
        ),
        Spacer(1, 4 * mm),
        _right(SignatureFlowable(_signature(doc), w)),
    ]
    return story


# --- Pakta Integritas --------------------------------------------------------------------------------


class _TwoSignatures(Flowable):  # type: ignore[misc]
    """'Mengetahui, Kepala Desa' on the left, the agent with a meterai box on the right."""

    def __init__(self, doc: LetterDoc, agent_name: str, width: float):
        super().__init__()
        self.doc = doc
        self.agent_name = agent_name
        self.width = width
        self.height = 62 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        block = _signature(self.doc)
        profile = self.doc.letterhead.profile
        right_x = self.width - 70 * mm
        place = profile.desa_name
        c.setFont(SERIF, 11)
        top = self.height
        c.drawString(
            right_x, top - 11, f"{place}, {long_date(self.doc.letter_date) or '…………………… 20……'}"
        )
        c.drawString(right_x, top - 25, "Yang membuat pernyataan,")
        # Meterai box where the agent sticks the Rp10.000 stamp duty.
        c.setLineWidth(0.5)
        c.setDash(2, 2)
        c.rect(right_x, top - 25 - 27 * mm, 28 * mm, 20 * mm)
        c.setDash()
        c.setFont(SERIF_ITALIC, 7.5)
        c.drawCentredString(right_x + 14 * mm, top - 25 - 16 * mm, "Meterai Rp10.000")
        c.setFont(SERIF_BOLD, 11)
        name_y = top - 25 - 35 * mm
        c.drawString(right_x, name_y, self.agent_name)
        c.setLineWidth(0.7)
        c.line(
            right_x,
            name_y - 1.5,
            right_x + pdfmetrics.stringWidth(self.agent_name, SERIF_BOLD, 11),
            name_y - 1.5,
        )
        left = SignatureBlock(
            profile,
            None,
            variant=block.variant,
            signer_name=block.signer_name,
            signer_title=block.signer_title,
        )
        lines = left.header_lines()[1:]  # no place/date line on the "Mengetahui" side
        c.setFont(SERIF, 11)
        c.drawString(0, top - 25, "Mengetahui,")
        y = top - 25
        for line in lines:
            y -= 14
            c.drawString(0, y, line)
        c.setFont(SERIF_BOLD, 11)
        c.drawString(0, name_y, left.name())
        c.line(0, name_y - 1.5, pdfmetrics.stringWidth(left.name(), SERIF_BOLD, 11), name_y - 1.5)


def pakta_story(doc: LetterDoc) -> list[Flowable]:
    c = doc.content
    w = text_width(doc)
    agent = c.get("agent", {})
    inner = w
    story: list[Flowable] = [LetterheadFlowable(doc.letterhead, w), Spacer(1, 6 * mm)]
    story += [
        P("<u>PAKTA INTEGRITAS</u>", "title"),
        P(f"AGEN PESIAR {e(doc.letterhead.profile.title.upper())}", "title"),
        P(f"Nomor: {e(doc.shown_number)}", "center"),
        Spacer(1, 6 * mm),
        P("Saya yang bertanda tangan di bawah ini:"),
        Spacer(1, 2 * mm),
        _label_table(
            [
                ("Nama", f"<b>{e(agent.get('name', ''))}</b>"),
                ("NIK", e(agent.get("nik", "") or "-")),
                ("Unsur", e(agent.get("source", ""))),
                ("Alamat", e(agent.get("address", "") or "-")),
                ("Nomor HP", e(agent.get("phone", "") or "-")),
            ],
            w,
            30 * mm,
        ),
        Spacer(1, 2 * mm),
        P(
            "dalam rangka melaksanakan tugas sebagai Agen PESIAR (Petakan, Sisir, Advokasi, "
            f"Registrasi) {e(doc.letterhead.profile.title)}, dengan ini menyatakan bahwa saya:"
        ),
        Spacer(1, 2 * mm),
    ]
    points = list(c.get("pernyataan", []))
    story.append(_enumerated(points, [f"{i}." for i in range(1, 30)], inner))
    story += [
        Spacer(1, 2 * mm),
        P(e(c.get("penutup", ""))),
        Spacer(1, 6 * mm),
        _TwoSignatures(doc, str(agent.get("name", "")), w),
    ]
    return story


STORIES: dict[str, Callable[[LetterDoc], list[Flowable]]] = {
    TYPE_SK: sk_story,
    TYPE_SURAT_TUGAS: surat_tugas_story,
    TYPE_PAKTA: pakta_story,
}


def render(doc: LetterDoc) -> bytes:
    """The PDF bytes of one letter (the ID card is drawn by ``idcard_pdf``)."""
    if doc.letter_type == TYPE_ID_CARD:
        from pesiar_desktop.reports.idcard_pdf import render_card

        return render_card(doc)
    story = STORIES[doc.letter_type](doc)
    return build_pdf(doc, story, LETTER_TYPES[doc.letter_type])


def money(value: int) -> str:
    return rupiah(value)
