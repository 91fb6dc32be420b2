"""The letters the kepala desa signs, as PDF: SK with its lampiran, Surat Tugas, Pakta Integritas.

Rendering takes plain data (``reportdata.letters.LetterDoc``), never the database: the letters service builds
the document from the letter's stored content and freezes the bytes on approval. A draft
(no number yet) prints "KONSEP" across the page and dotted gaps where the number goes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
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

from pesiar_desktop import clock
from pesiar_desktop.reportdata.letters import (
    LETTER_TYPES,
    TYPE_ID_CARD,
    TYPE_PAKTA,
    TYPE_SK,
    TYPE_SURAT_TUGAS,
    LetterDoc,
    office_name_of,
)
from pesiar_desktop.reports.idcard_pdf import render_card
from pesiar_desktop.reports.pdf_common import (
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    SIGNATURE_WIDTH,
    LetterheadFlowable,
    SignatureBlock,
    SignatureFlowable,
    draw_letterhead,
    draw_qr,
    draw_signature,
    keep_rt_rw,
    long_date,
    mm,
    page_size,
    register_fonts,
    signature_height,
)
from pesiar_desktop.rules.formatting import number as fmt_number

MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm
QR_SIZE = 20 * mm
FOOTER_SPACE = 8 * mm  # under the text: the QR and the verification note (or the draft note)


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
    """A paragraph of the letter ("RT 005/RW 002" is never broken across lines)."""
    return Paragraph(keep_rt_rw(text), styles()[style])


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


def _marks(count: int, alpha: bool = False) -> list[str]:
    return [f"{LETTERS[i % 26]}." if alpha else f"{i + 1}." for i in range(count)]


def _labelled_lists(sections: Sequence[tuple[str, Sequence[str], bool]], width: float) -> Table:
    """ "Menimbang : a. …" sections as one table with a row per item, so a long list
    continues on the next page instead of being cut (a nested table cannot split). Items
    are plain text (escaped here)."""
    data: list[list[Any]] = []
    for label, items, alpha in sections:
        for n, (mark, text) in enumerate(zip(_marks(len(items), alpha), items, strict=True)):
            first = n == 0
            data.append(
                [
                    P(label if first else "", "left"),
                    P(":" if first else "", "left"),
                    P(mark, "left"),
                    P(e(text)),  # plain text typed by the village: "&" and "<" as such
                ]  # fmt: skip
            )
    table = Table(data, colWidths=[32 * mm, 5 * mm, 7 * mm, width - 44 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _enumerated(items: Sequence[str], marks: Sequence[str], width: float) -> Table:
    """A hanging-indent list (a., b., … or 1., 2., …) inside a cell."""
    data = [[P(mark, "left"), P(e(text))] for mark, text in zip(marks, items, strict=False)]
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
    # splitInRow: a row taller than a page (an agent with dozens of RTs in a large village)
    # continues on the next page instead of failing the whole letter.
    table = Table(data, colWidths=list(widths), repeatRows=header_rows, splitInRow=1)
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


def _page_decorator(doc: LetterDoc, page: int | None = None) -> Callable[[Any, Any], None]:
    """Draft watermark, QR footer and "Halaman n" for every page of ``doc``; ``page`` fixes
    the number (a one-page letter inside a batch PDF is still "Halaman 1")."""
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
        number = page or canvas.getPageNumber()
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
        total = getattr(canvas, "page_total", None) if page is None else 1
        canvas.drawRightString(
            width - MARGIN_RIGHT,
            bottom + 2 * mm,
            f"Halaman {number} dari {total}" if total else f"Halaman {number}",
        )
        canvas.restoreState()

    return on_page


def build_pdf(
    doc: LetterDoc,
    make_story: Callable[[], list[Flowable]],
    title: str,
    *,
    count_pages: bool = True,
) -> bytes:
    """Lay the story out on the letter's paper with the QR/draft decorations on every page
    (`make_story` is called twice: platypus consumes a story as it lays it out)."""
    width, height = page_size(doc.paper)
    out = io.BytesIO()
    template = BaseDocTemplate(
        out,
        pagesize=(width, height),
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        # The footer's space is kept on the draft too: the approved letter (number, date
        # and QR added) breaks its pages where the draft the kepala desa read did.
        bottomMargin=MARGIN_BOTTOM + FOOTER_SPACE,
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
    # Two passes: the first counts the pages, so every footer can say "Halaman n dari N".
    counter = BaseDocTemplate(
        io.BytesIO(),
        pagesize=(width, height),
        leftMargin=template.leftMargin,
        rightMargin=template.rightMargin,
        topMargin=template.topMargin,
        bottomMargin=template.bottomMargin,
    )
    counter.addPageTemplates([PageTemplate(id="page", frames=[frame.__class__(
        template.leftMargin, template.bottomMargin, template.width, template.height,
        id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )])])  # fmt: skip
    total = 0
    if count_pages:
        counter.build(make_story())
        total = counter.page

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        canvas.page_total = total or None
        return canvas

    template.build(make_story(), canvasmaker=canvasmaker)
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


def office_name(doc: LetterDoc) -> str:
    return office_name_of(doc.letterhead)


# --- SK --------------------------------------------------------------------------------------------


def sk_story(doc: LetterDoc) -> list[Flowable]:
    c = doc.content
    w = text_width(doc)
    office = office_name(doc).upper()
    year = (doc.letter_date or clock.today()).year
    subject = str(c.get("subject", "PENGANGKATAN AGEN PESIAR"))
    story: list[Flowable] = [LetterheadFlowable(doc.letterhead, w), Spacer(1, 5 * mm)]
    story += [
        P(f"KEPUTUSAN {e(office)}", "title"),
        P(_sk_number_line(doc, year), "title"),
        Spacer(1, 2 * mm),
        P("TENTANG", "title"),
        P(e(subject.upper()), "title"),
        Spacer(1, 4 * mm),
        P(f"{e(office)},", "title"),
        Spacer(1, 3 * mm),
    ]
    considering = list(c.get("menimbang", []))
    basis = list(c.get("mengingat", []))
    story.append(
        _labelled_lists([("Menimbang", considering, True), ("Mengingat", basis, False)], w)
    )
    decisions = list(c.get("diktum", []))
    rows: list[tuple[str, Any]] = [
        ("Menetapkan", f"KEPUTUSAN {e(office)} TENTANG {e(subject.upper())}.")
    ]
    rows += [(ORDINALS[i], e(text)) for i, text in enumerate(decisions)]
    # "MEMUTUSKAN:" is never left alone at the foot of a page (a longer Mengingat list
    # pushes it there): it goes with the "Menetapkan" row.
    story += [
        Spacer(1, 3 * mm),
        KeepTogether([P("MEMUTUSKAN:", "title"), Spacer(1, 2 * mm), _label_table(rows[:1], w)]),
    ]
    # The last diktum stays with the signature: a signature is never alone on a page.
    if rows[1:-1]:
        story.append(_label_table(rows[1:-1], w))
    story.append(
        KeepTogether(
            [
                _label_table(rows[-1:], w),
                Spacer(1, 6 * mm),
                SignatureFlowable(_signature(doc, enacted=True), w),
            ]
        )
    )
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


def _sk_number_line(doc: LetterDoc, year: int) -> str:
    """ "NOMOR 141/001/DS-2005/I/2026": the year is said once (a number that does not end
    with it, from a regency's own template, gets "TAHUN 2026")."""
    if not doc.number:
        return f"NOMOR {e(doc.shown_number)} TAHUN {year}"
    if doc.number.rstrip().endswith(str(year)):
        return f"NOMOR {e(doc.number)}"
    return f"NOMOR {e(doc.number)} TAHUN {year}"


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
    story.append(_labelled_lists([("Dasar", basis, False)], w))
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
    closing = c.get(
        "penutup",
        "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.",
    )
    story += [
        Spacer(1, 2 * mm),
        _labelled_lists([("Untuk", tasks, False)], w),
        Spacer(1, 3 * mm),
        # The closing paragraph and the signature stay on one page.
        KeepTogether([P(e(closing)), Spacer(1, 4 * mm), SignatureFlowable(_signature(doc), w)]),
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
        # A long village name wraps inside the right column instead of running off the page.
        date_line = f"{place}, {long_date(self.doc.letter_date) or '…………………… 20……'}"
        right_lines = simpleSplit(date_line, SERIF, 11, 70 * mm)
        for number, line in enumerate(right_lines):
            c.drawString(right_x, top - 11 - 14 * number, line)
        top -= 14 * (len(right_lines) - 1)  # what follows moves down by the extra lines
        c.drawString(right_x, top - 25, "Yang membuat pernyataan,")
        # Meterai box where the agent sticks the Rp10.000 stamp duty.
        c.setLineWidth(0.5)
        c.setDash(2, 2)
        c.rect(right_x, top - 25 - 27 * mm, 28 * mm, 20 * mm)
        c.setDash()
        c.setFont(SERIF_ITALIC, 7.5)
        c.drawCentredString(right_x + 14 * mm, top - 25 - 16 * mm, "Meterai Rp10.000")
        name_y = top - 25 - 35 * mm
        _underlined_lines(c, self.agent_name, right_x, name_y, 68 * mm)
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
            for part in simpleSplit(line, SERIF, 11, right_x - 6 * mm):
                y -= 14
                c.drawString(0, y, part)
        _underlined_lines(c, left.name(), 0, name_y, right_x - 6 * mm)


def _underlined_lines(c: Canvas, name: str, x: float, y: float, width: float) -> None:
    """A signer's name in bold, underlined, wrapped to `width` (first baseline at y)."""
    c.setFont(SERIF_BOLD, 11)
    c.setLineWidth(0.7)
    for line in simpleSplit(name, SERIF_BOLD, 11, width) or [""]:
        c.drawString(x, y, line)
        c.line(x, y - 1.5, x + pdfmetrics.stringWidth(line, SERIF_BOLD, 11), y - 1.5)
        y -= 14


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
    story.append(_enumerated(points, _marks(len(points)), inner))
    story += [
        Spacer(1, 2 * mm),
        KeepTogether(
            [
                P(e(c.get("penutup", ""))),
                Spacer(1, 6 * mm),
                _TwoSignatures(doc, str(agent.get("name", "")), w),
            ]
        ),
    ]
    return story


STORIES: dict[str, Callable[[LetterDoc], list[Flowable]]] = {
    TYPE_SK: sk_story,
    TYPE_SURAT_TUGAS: surat_tugas_story,
    TYPE_PAKTA: pakta_story,
}


class _Overflow(Exception):
    """The letter does not fit on one page: lay it out with platypus instead."""


_word_widths: dict[tuple[str, str, float], float] = {}


def _width(word: str, font: str, size: float) -> float:
    key = (word, font, size)
    width = _word_widths.get(key)
    if width is None:
        if len(_word_widths) > 50_000:
            _word_widths.clear()
        width = _word_widths[key] = float(pdfmetrics.stringWidth(word, font, size))
    return width


_BREAKS = re.compile(r"[ \t\r\n]+")


class _PageWriter:
    """Direct canvas layout for one-page letters (the Surat Tugas printed per agent): greedy
    word wrap with cached word widths and justified lines through PDF word spacing, all the
    body text in one PDF text object (``flush`` ends it). It draws the same page the platypus
    story does, several times faster."""

    def __init__(self, canvas: Canvas, doc: LetterDoc, size: float = 11, leading: float = 14.5):
        self.c = canvas
        self.doc = doc
        self.size = size
        self.leading = leading
        self.width, self.height = page_size(doc.paper)
        self.left = MARGIN_LEFT
        self.right = self.width - MARGIN_RIGHT
        self.bottom = MARGIN_BOTTOM + FOOTER_SPACE
        self.y = self.height - MARGIN_TOP
        self.space = _width(" ", SERIF, size)
        self._text: Any = None  # the page's text object, begun on first use
        self._font: tuple[str, float] | None = None
        self._word_space = 0.0

    def put(
        self,
        x: float,
        y: float,
        value: str,
        font: str = SERIF,
        size: float = 0,
        word_space: float = 0.0,
    ) -> None:
        """One run of text with its baseline at (x, y), in the page's text object."""
        t = self._text
        if t is None:
            t = self._text = self.c.beginText()
        key = (font, size or self.size)
        if key != self._font:
            t.setFont(*key)
            self._font = key
        if word_space != self._word_space:
            t.setWordSpace(word_space)
            self._word_space = word_space
        t.setTextOrigin(x, y)
        t.textOut(value)

    def flush(self) -> None:
        """Write the text drawn so far onto the page (word spacing back to 0: it outlives the
        text object in PDF)."""
        if self._text is not None:
            if self._word_space:
                self._text.setWordSpace(0)
            self.c.drawText(self._text)
            self._text = self._font = None
            self._word_space = 0.0

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            raise _Overflow

    def wrap(self, text: str, width: float, font: str = SERIF) -> list[list[str]]:
        lines: list[list[str]] = []
        line: list[str] = []
        used = 0.0
        # Ordinary whitespace only: the no-break spaces of "RT 005/RW 002" hold it together.
        for word in _BREAKS.split(keep_rt_rw(text)):
            if not word:
                continue
            w = _width(word, font, self.size)
            if line and used + self.space + w > width:
                lines.append(line)
                line, used = [word], w
            else:
                used += (self.space if line else 0.0) + w
                line.append(word)
        if line:
            lines.append(line)
        return lines

    def paragraph(self, text: str, x: float, width: float, font: str = SERIF) -> None:
        """Justified text (last line flush left) from the current y down."""
        lines = self.wrap(text, width, font)
        self.need(len(lines) * self.leading)
        last = len(lines) - 1
        for n, words in enumerate(lines):
            self.y -= self.leading
            gap = 0.0
            if n < last and len(words) > 1:
                natural = sum(_width(w, font, self.size) for w in words) + self.space * (
                    len(words) - 1
                )
                gap = (width - natural) / (len(words) - 1)
            self.put(x, self.y + 0.25 * self.size, " ".join(words), font, word_space=gap)

    def text(self, x: float, value: str, font: str = SERIF) -> None:
        self.put(x, self.y + 0.25 * self.size, value, font)

    def centred(self, value: str, font: str = SERIF, underline: bool = False) -> None:
        self.need(self.leading)
        self.y -= self.leading
        centre = (self.left + self.right) / 2
        size = self.size + (1 if font == SERIF_BOLD else 0)
        base = self.y + 0.25 * self.size
        self.put(centre - _width(value, font, size) / 2, base, value, font, size)
        if underline:
            half = _width(value, font, self.size + 1) / 2
            self.c.setLineWidth(0.7)
            self.c.line(centre - half, base - 1.5, centre + half, base - 1.5)

    def labelled(self, label: str, items: Sequence[str], marks: bool = True) -> None:
        """ "Dasar : 1. …" — label, colon, hanging-indent items."""
        x_colon = self.left + 32 * mm
        x_mark = self.left + 37 * mm
        x_text = x_mark + (7 * mm if marks else 0)
        width = self.right - x_text
        top = self.y
        for n, item in enumerate(items, 1):
            start = self.y
            self.paragraph(item, x_text, width)
            if marks:
                self.put(x_mark, start - self.leading + 0.25 * self.size, f"{n}.")
            self.y -= 3
        self.put(self.left, top - self.leading + 0.25 * self.size, label)
        self.put(x_colon, top - self.leading + 0.25 * self.size, ":")

    def stamp(
        self, forms: _Forms | None, key: Hashable, top: float, draw: Callable[[float], object]
    ) -> None:
        """``draw(top)``: something that looks the same on every letter of a batch (its
        layout depends only on ``key``) drawn from y=top down. With ``forms`` (a batch) it
        is drawn once as a form and every page places that form at its own height."""
        if forms is None:
            draw(top)
            return
        self.flush()
        entry = forms.get(key)
        if entry is None:
            entry = forms[key] = (f"Stamp{len(forms)}", 0.0)
            self.c.beginForm(entry[0])
            draw(self.height)
            self.flush()
            self.c.endForm()
        self.c.saveState()
        self.c.translate(0, top - self.height)
        self.c.doForm(entry[0])
        self.c.restoreState()

    def fields(
        self, label: str, rows: Sequence[tuple[str, str, str]], forms: _Forms | None = None
    ) -> None:
        """ "Kepada : Nama : …" — a label with a name/value table beside it."""
        x_colon = self.left + 32 * mm
        x_name = self.left + 37 * mm
        x_colon2 = x_name + 24 * mm
        x_value = x_colon2 + 4 * mm
        names = tuple(name for name, _value, _font in rows)
        # Each value wraps within the column (a long name, Unsur or address): never past
        # the margin, never cut.
        wrapped = [
            self.wrap(value, self.right - x_value, font) or [[""]] for _n, value, font in rows
        ]
        heights = tuple(len(lines) for lines in wrapped)
        step = self.leading + 3

        def labels(top: float) -> None:
            base = top - self.leading + 0.25 * self.size
            offset = 0.0
            for name, count in zip(names, heights, strict=True):
                self.put(x_name, base - offset, name)
                self.put(x_colon2, base - offset, ":")
                offset += (count - 1) * self.leading + step
            self.put(self.left, base, label)
            self.put(x_colon, base, ":")

        self.need(sum(heights) * self.leading + 3 * len(rows))
        key = ("fields", label, names, heights, self.size, self.leading, self.left)
        self.stamp(forms, key, self.y, labels)
        for (_name, _value, font), lines in zip(rows, wrapped, strict=True):
            for words in lines:
                self.y -= self.leading
                self.text(x_value, " ".join(words), font)
            self.y -= 3


# What a batch PDF draws once as Form XObjects: the kop surat by (letterhead, paper), and the
# stamps (``_PageWriter.stamp``) by their key: the form's name and the y under it.
_Forms = dict[Hashable, tuple[str, float]]


def _letterhead_once(canvas: Canvas, pw: _PageWriter, forms: _Forms | None) -> float:
    """Draw the kop surat at the top of the page; with ``forms`` (a batch) the first page
    defines it as a form that every later page with the same letterhead reuses (one copy in
    the file, and the later pages cost one operator). Returns the y under it."""
    doc = pw.doc
    if forms is None:
        return draw_letterhead(canvas, doc.letterhead, pw.left, pw.right, pw.y)
    key = (doc.letterhead, doc.paper)
    entry = forms.get(key)
    if entry is None:
        name = f"Kop{len(forms)}"
        canvas.beginForm(name)
        bottom = draw_letterhead(canvas, doc.letterhead, pw.left, pw.right, pw.y)
        canvas.endForm()
        forms[key] = entry = (name, bottom)
    canvas.doForm(entry[0])
    return entry[1]


def _surat_tugas_page(canvas: Canvas, doc: LetterDoc, forms: _Forms | None) -> None:
    """One Surat Tugas on the current page of ``canvas`` (raises _Overflow if too long)."""
    c = doc.content
    agent = c.get("agent", {})
    pw = _PageWriter(canvas, doc)
    pw.y = _letterhead_once(canvas, pw, forms) - 4 * mm
    pw.centred("SURAT TUGAS", SERIF_BOLD, underline=True)
    pw.centred(f"Nomor: {doc.shown_number}")
    pw.y -= 4 * mm
    pw.labelled("Dasar", list(c.get("dasar", [])))
    pw.y -= 3 * mm
    pw.centred("MENUGASKAN:", SERIF_BOLD)
    pw.y -= 3 * mm
    pw.fields(
        "Kepada",
        [
            ("Nama", str(agent.get("name", "")), SERIF_BOLD),
            ("NIK", str(agent.get("nik", "") or "-"), SERIF),
            ("Jabatan", str(agent.get("position", "Agen PESIAR")), SERIF),
            ("Unsur", str(agent.get("source", "")), SERIF),
            ("Alamat", str(agent.get("address", "") or "-"), SERIF),
            ("Nomor HP", str(agent.get("phone", "") or "-"), SERIF),
        ],
        forms,
    )
    pw.y -= 2 * mm
    pw.labelled("Untuk", list(c.get("untuk", [])))
    pw.y -= 3 * mm
    pw.paragraph(
        str(
            c.get(
                "penutup",
                "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.",
            )
        ),  # fmt: skip
        pw.left,
        pw.right - pw.left,
    )
    pw.y -= 4 * mm
    block = _signature(doc)
    pw.need(signature_height(block))
    pw.flush()
    x = pw.right - SIGNATURE_WIDTH
    pw.stamp(
        forms, ("signature", block, x), pw.y, lambda top: draw_signature(canvas, block, x, top)
    )
    _page_decorator(doc, page=1)(canvas, None)


def _one_page(docs: Sequence[LetterDoc], title: str) -> bytes:
    out = io.BytesIO()
    # The body font as the initial one: no unused Helvetica in every letter's PDF.
    canvas = Canvas(
        out, pagesize=page_size(docs[0].paper), pageCompression=1, initialFontName=SERIF
    )
    canvas.setTitle(title)
    canvas.setAuthor(docs[0].letterhead.profile.title)
    canvas.setCreator("PESIAR Desktop")
    if len(docs) == 1:
        canvas.setSubject(docs[0].shown_number)
    forms: _Forms | None = {} if len(docs) > 1 else None
    for doc in docs:
        _surat_tugas_page(canvas, doc, forms)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def render_surat_tugas_batch(docs: Sequence[LetterDoc]) -> bytes:
    """Every Surat Tugas in one PDF (to print them all at once), one page each. What every
    letter repeats (kop surat, the "Kepada" field labels, the signature block) is stored once
    as a form that each page places."""
    register_fonts()
    try:
        return _one_page(docs, "Surat Tugas Agen PESIAR")
    except _Overflow:

        def story() -> list[Flowable]:
            flowables: list[Flowable] = []
            for i, doc in enumerate(docs):
                flowables += ([PageBreak()] if i else []) + surat_tugas_story(doc)
            return flowables

        # A batch numbers its pages through (one letter may take two): no "dari N".
        return build_pdf(docs[0], story, "Surat Tugas Agen PESIAR", count_pages=len(docs) == 1)


def render(doc: LetterDoc) -> bytes:
    """The PDF bytes of one letter (the ID card is drawn by ``idcard_pdf``)."""
    if doc.letter_type == TYPE_ID_CARD:
        return render_card(doc)
    if doc.letter_type == TYPE_SURAT_TUGAS:
        register_fonts()
        try:
            return _one_page([doc], LETTER_TYPES[TYPE_SURAT_TUGAS])
        except _Overflow:
            pass  # a long letter: platypus below flows it onto a second page
    return build_pdf(doc, lambda: STORIES[doc.letter_type](doc), LETTER_TYPES[doc.letter_type])
