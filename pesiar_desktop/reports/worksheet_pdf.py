"""Lembar kerja sisir: the agent's printed worksheet for a sweep.

Landscape, one table per RT in plan order, one row per family so that a page holds
eight to ten families: the family (number, head, No KK, address, priority, the plan's
next date, the last visit), its living members with their JKN status (targets starred),
boxes for the outcome numbered like the keyboard shortcuts of the visit log (1-7, refusal
reasons a-d), topic letters to circle, and room for the date and notes. The codes are
explained in every page's footer. An RT's heading and the column header repeat on every
page the RT runs over ("lanjutan"). Families the plan leaves out (moved, died, registered)
are counted in the heading and listed at the end.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pesiar_desktop import clock
from pesiar_desktop.reportdata.fieldwork import PlanFamily, PlanGroup, PlanView
from pesiar_desktop.reportdata.targets import PRIORITY_REASONS
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.reports.pdf_common import mm
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date, medium_date
from pesiar_desktop.rules.nik import mask_nik

BOX = "\u2610"
STAR = "\u2605"
MARGIN = 10 * mm
TOPIC_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Column widths on A4 landscape (277 mm between the margins); F4 scales them.
COLUMNS = (65, 129, 47, 36)
MEMBER_COLUMNS = (3.5, 26.3, 34, 22, 5.7, 37.5)  # star, NIK, name, relation, age, status
GUTTER = 6.0  # points before the members' table
HEADING_BG = colors.HexColor("#dde6f0")
HEADER_BG = colors.HexColor("#f1f4f8")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=pdf_common.SANS, fontSize=8.5, leading=11)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=pdf_common.SANS_BOLD, fontSize=13, leading=16
        ),
        "rt": ParagraphStyle(
            "rt", parent=base, fontName=pdf_common.SANS_BOLD, fontSize=9.5, leading=11.5
        ),
        "th": ParagraphStyle(
            "th",
            parent=base,
            fontName=pdf_common.SANS_BOLD,
            fontSize=7,
            leading=8.5,
            textColor=colors.HexColor("#333333"),
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=8.5),
        "member": ParagraphStyle("member", parent=base, fontSize=7, leading=8.2),
        "last": ParagraphStyle(
            "last", parent=base, fontSize=7, leading=8.2, textColor=colors.HexColor("#444444")
        ),
        "box": ParagraphStyle("box", parent=base, fontSize=7.5, leading=10.5),
        "legend": ParagraphStyle("legend", parent=base, fontSize=6.5, leading=8),
    }


def outcome_legend() -> str:
    """ "1 Bersedia mendaftar · 2 … · 3 Menolak (alasan a …, b …) · … · 7 …": the codes the
    boxes carry, the same digits and letters as the shortcuts of Catat Kunjungan."""
    parts = []
    for key, code in fc.OUTCOME_KEYS.items():
        label = fc.VISIT_OUTCOMES[code]
        if code == fc.OUTCOME_REFUSED:
            reasons = ", ".join(
                f"{letter} {text.split(',')[0].split(' (')[0]}"
                for letter, text in zip("abcd", fc.REFUSAL_REASONS.values(), strict=False)
            )
            label += f" (alasan: {reasons})"
        parts.append(f"<b>{key}</b> {label}")
    return " · ".join(parts)


def topic_legend() -> str:
    return " · ".join(
        f"<b>{letter}</b> {label}"
        for letter, label in zip(TOPIC_LETTERS, fc.ADVOCACY_TOPICS.values(), strict=False)
    )


def _last_visit(family: PlanFamily, printed_on: date) -> str:
    """ "Terakhir 14 Okt: Tidak di rumah" (the year only when it is not the printing year)."""
    if not family.last_outcome or family.last_visit_on is None:
        return ""
    outcome = fc.VISIT_OUTCOMES.get(family.last_outcome, family.last_outcome)
    day = medium_date(family.last_visit_on)
    if family.last_visit_on.year == printed_on.year:
        day = day.rsplit(" ", 1)[0]
    return f"Terakhir {day}: {_esc(outcome)}"


def _date_lines(family: PlanFamily, printed_on: date) -> list[str]:
    """The plan's next date(s), a missed one marked (and why a family is still here)."""
    dates = []
    if family.planned_on:
        late = " (terlewat)" if family.planned_on < printed_on else ""
        dates.append(f"<b>Jadwal {medium_date(family.planned_on)}</b>{late}")
    if family.revisit_on and family.revisit_on != family.planned_on:
        late = " (terlewat)" if family.revisit_on < printed_on else ""
        dates.append(f"<b>Ulang {medium_date(family.revisit_on)}</b>{late}")
    lines = [" · ".join(dates)] if dates else []
    if family.note:
        lines.append(f"<i>{_esc(family.note)}</i>")
    return lines


class _Layout:
    """Widths and styles of one worksheet (A4 or F4)."""

    def __init__(self, usable: float, show: Callable[[str], str], printed_on: date):
        scale = usable / (sum(COLUMNS) * mm)
        self.widths = [w * mm * scale for w in COLUMNS]
        inner = self.widths[1] - GUTTER  # the members' table sits inside the cell's padding
        member = [w * mm * scale for w in MEMBER_COLUMNS]
        self.member_widths = [w * inner / sum(member) for w in member]
        self.s = _styles()
        self.show = show
        self.printed_on = printed_on
        self.topics = " ".join(TOPIC_LETTERS[: len(fc.ADVOCACY_TOPICS)])

    def header_row(self) -> list[Any]:
        th = self.s["th"]
        return [
            Paragraph("No · keluarga · jadwal kunjungan", th),
            Paragraph(
                f"Anggota keluarga ({STAR} = sasaran) · NIK · hubungan · umur · status JKN", th
            ),
            Paragraph("Terakhir · hasil (centang)", th),
            Paragraph("Tgl · ulang · topik · catatan", th),
        ]

    def family_row(self, number: int, family: PlanFamily) -> list[Any]:
        cell, member = self.s["cell"], self.s["member"]
        reasons = ", ".join(PRIORITY_REASONS.get(r, r) for r in family.reasons)
        about = [
            f"<b>{number}. {_esc(family.head_name)}</b>",
            f"KK {self.show(family.no_kk)} · Prioritas {family.priority}",
            _esc(family.address),
            *([_esc(reasons)] if reasons else []),
            *_date_lines(family, self.printed_on),
        ]
        members = Table(
            [
                [
                    STAR if m.category else "",
                    self.show(m.nik),
                    Paragraph(_esc(m.name), member),
                    Paragraph(codes.label(codes.SHDK, m.shdk), member),
                    str(m.age),
                    Paragraph(_esc(m.short_status), member),
                ]
                for m in family.members
            ]
            or [["", "", Paragraph("(tidak ada anggota yang hidup)", member), "", "", ""]],
            colWidths=self.member_widths,
        )
        members.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 7),
                    ("LEADING", (0, 0), (-1, -1), 8.2),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (4, 0), (4, -1), "CENTER"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#cccccc")),
                ]
            )
        )
        box = self.s["box"]
        boxes = " ".join(f"{BOX}{key}" for key in fc.OUTCOME_KEYS)
        reasons_boxes = " ".join(f"{BOX}{letter}" for letter in "abcd")
        last = _last_visit(family, self.printed_on)
        outcome = [
            *([Paragraph(last, self.s["last"])] if last else []),
            Paragraph(f'<font size="9">{boxes}</font>', box),
            Paragraph(f'Menolak: <font size="9">{reasons_boxes}</font>', box),
        ]
        notes = [
            Paragraph("Tgl ............ Ulang ............", box),
            Paragraph(f"Topik: {self.topics}", box),
            Spacer(1, 5 * mm),  # room to write
        ]
        return [
            [Paragraph(line, cell) for line in about],
            members,
            outcome,
            notes,
        ]


class _RtTable(Table):  # type: ignore[misc]  # reportlab has no annotations
    """An RT's families. Its heading and the column header repeat on every page it runs
    over; the continued part's heading says "lanjutan"."""

    continued: Any = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) == 2 and self.continued is not None:
            # The repeated rows are the first part's own row lists: replace, never mutate.
            heading = list(parts[1]._cellvalues[0])
            heading[0] = self.continued
            parts[1]._cellvalues[0] = heading
            parts[1].continued = self.continued
        return parts


def _heading(group: PlanGroup, s: dict[str, ParagraphStyle], continued: bool) -> Paragraph:
    text = _esc(group.area_label)
    if group.planned_on:
        text += f" — jadwal {long_date(group.planned_on)}"
    text += f" · {len(group.families)} KK, {sum(f.targets for f in group.families)} jiwa sasaran"
    if continued:
        text += " (lanjutan)"
    return Paragraph(text, s["rt"])


def _group_table(group: PlanGroup, first_number: int, layout: _Layout) -> _RtTable:
    rows: list[list[Any]] = [
        [_heading(group, layout.s, False), "", "", ""],
        layout.header_row(),
    ]
    for offset, family in enumerate(group.families):
        rows.append(layout.family_row(first_number + offset, family))
    table = _RtTable(rows, colWidths=layout.widths, repeatRows=2)
    table.continued = _heading(group, layout.s, True)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), HEADING_BG),
                ("BACKGROUND", (0, 1), (-1, 1), HEADER_BG),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                ("LINEAFTER", (0, 1), (-2, -1), 0.3, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                # A gutter before the members, so a text extractor (and the eye) keeps the
                # family column's wrapped lines apart from the members' lines.
                ("LEFTPADDING", (1, 2), (1, -1), GUTTER),
                ("RIGHTPADDING", (1, 2), (1, -1), 0),
            ]
        )
    )
    return table


def _left_out_table(plan: PlanView, layout: _Layout) -> list[Flowable]:
    s = layout.s
    cell = s["cell"]
    rows: list[list[Any]] = [
        [Paragraph(label, s["th"]) for label in
         ("No", "Kepala keluarga", "No KK", "Wilayah", "Alasan", "Diketahui dari")],
    ]  # fmt: skip
    for number, family in enumerate(plan.left_out, start=1):
        rows.append(
            [
                str(number),
                Paragraph(_esc(family.head_name), cell),
                layout.show(family.no_kk),
                Paragraph(_esc(family.area_label), cell),
                Paragraph(_esc(family.reason_label), cell),
                Paragraph(_esc(family.detail), cell),
            ]
        )
    usable = sum(layout.widths)
    widths = [8 * mm, 62 * mm, 30 * mm, 58 * mm, 45 * mm]
    widths.append(usable - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 7.5),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ]
        )
    )
    return [
        Spacer(1, 4 * mm),
        Paragraph(
            f"<b>Keluarga yang tidak dicantumkan ({len(plan.left_out)} KK)</b> — pindah atau "
            "meninggal menurut hasil kunjungan: periksa, lalu perbarui data penduduk; yang "
            "sudah mendaftar sendiri: periksa di data kepesertaan BPJS.",
            s["base"],
        ),
        Spacer(1, 1.5 * mm),
        table,
    ]


def _story(plan: PlanView, letterhead: Letterhead, layout: _Layout) -> list[Flowable]:
    s = layout.s
    agent = plan.assignment
    families = plan.families
    span = plan.schedule_span(layout.printed_on)
    if span is None:
        schedule = "Belum ada jadwal kunjungan ke depan"
    elif span[0] == span[1]:
        schedule = f"Jadwal kunjungan {long_date(span[0])}"
    else:
        schedule = f"Jadwal kunjungan {long_date(span[0])} – {long_date(span[1])}"
    overdue = len(plan.overdue(layout.printed_on))
    if overdue:
        schedule += f" · {overdue} KK terlewat jadwalnya (ditandai)"
    story: list[Flowable] = [
        Paragraph(f"LEMBAR KERJA SISIR — {_esc(letterhead.profile.title.upper())}", s["title"]),
        Paragraph(
            f"Agen PESIAR: <b>{_esc(agent.agent_name)}</b>"
            + (f" (HP {_esc(agent.agent_phone)})" if agent.agent_phone else "")
            + f" · Masa tugas {long_date(agent.period_start)} – {long_date(agent.period_end)}",
            s["base"],
        ),
        Paragraph(
            f"<b>{schedule}</b> · {len(families)} KK, {sum(f.targets for f in families)} jiwa "
            f"sasaran · {STAR} = anggota sasaran · dicetak {long_date(layout.printed_on)}",
            s["base"],
        ),
    ]
    left = plan.left_out_text()
    if left:
        story.append(
            Paragraph(f"<b>{_esc(left)}</b> (daftarnya di bagian akhir lembar ini).", s["base"])
        )
    story.append(Spacer(1, 2.5 * mm))
    if not families:
        story.append(Paragraph("Tidak ada keluarga sasaran di wilayah tugas agen ini.", s["base"]))
    number = 1
    for group in plan.groups:
        story.append(_group_table(group, number, layout))
        story.append(Spacer(1, 2.5 * mm))
        number += len(group.families)
    if plan.left_out:
        story += _left_out_table(plan, layout)
    return story


def render(
    plan: PlanView,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
    masked: bool = False,
    printed_on: date,
) -> bytes:
    """The worksheet's PDF bytes."""
    pdf_common.register_fonts()
    width, height = landscape(pdf_common.page_size(paper))
    usable = width - 2 * MARGIN
    layout = _Layout(usable, mask_nik if masked else (lambda value: value), printed_on)
    agent = plan.assignment
    legend = Paragraph(
        f"<b>Hasil:</b> {outcome_legend()}<br/><b>Topik (lingkari):</b> {topic_legend()}",
        layout.s["legend"],
    )
    _w, legend_height = legend.wrap(usable, height)
    footer_line = 6 * mm
    bottom = footer_line + 3 * mm + legend_height + 2 * mm

    def decorate(total: int | None) -> Callable[[Any, Any], None]:
        def on_page(canvas: Any, doc: Any) -> None:
            canvas.saveState()
            canvas.setStrokeColor(colors.HexColor("#999999"))
            canvas.setLineWidth(0.3)
            canvas.line(MARGIN, bottom - 1.5 * mm, width - MARGIN, bottom - 1.5 * mm)
            legend.drawOn(canvas, MARGIN, footer_line + 3 * mm)
            canvas.setFont(pdf_common.SANS, 7)
            canvas.drawString(
                MARGIN,
                footer_line,
                f"Lembar kerja sisir · {agent.agent_name} · dicetak {long_date(printed_on)}"
                " · ketik hasil dengan kode yang sama di menu Catat Kunjungan",
            )
            page = canvas.getPageNumber()
            canvas.drawRightString(
                width - MARGIN,
                footer_line,
                f"Halaman {page} dari {total}" if total else f"Halaman {page}",
            )
            canvas.restoreState()

        return on_page

    def build(out: io.BytesIO, total: int | None) -> int:
        doc = BaseDocTemplate(
            out,
            pagesize=(width, height),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=bottom,
            title=f"Lembar kerja sisir {agent.agent_name}",
            author=letterhead.profile.title,
            creator="PESIAR Desktop",
        )
        frame = Frame(
            MARGIN,
            bottom,
            usable,
            height - MARGIN - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate(total))])
        doc.build(_story(plan, letterhead, layout))
        return int(doc.page)

    # Two passes: the first counts the pages, so every footer can say "Halaman n dari N".
    total = build(io.BytesIO(), None)
    out = io.BytesIO()
    build(out, total)
    return out.getvalue()


def write_worksheet_pdf(
    plan: PlanView,
    path: Path | str,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
    masked: bool = False,
    printed_on: date | None = None,
) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    day = printed_on or clock.today()
    path.write_bytes(render(plan, letterhead, paper=paper, masked=masked, printed_on=day))
    return path
