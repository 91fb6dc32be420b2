"""Lembar kerja sisir: the agent's printed worksheet for a sweep.

Landscape, grouped by RT in plan order. Per family: a heading line (number, No KK, head,
address, priority, scheduled date), its living members with their JKN status (targets
marked), the outcome checkboxes numbered like the keyboard shortcuts of the visit log
(1-7, refusal reasons a-d), topics, and room for notes and the date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pesiar_desktop.reportdata.fieldwork import PlanFamily, PlanView
from pesiar_desktop.reportdata.targets import PRIORITY_REASONS
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.reports.pdf_common import mm
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.rules.nik import mask_nik

BOX = "\u2610"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def outcome_line() -> str:
    parts = []
    for key, code in fc.OUTCOME_KEYS.items():
        label = fc.VISIT_OUTCOMES[code]
        if code == fc.OUTCOME_REFUSED:
            reasons = " ".join(
                f"{BOX}{letter} {text.split(',')[0].split(' (')[0]}"
                for letter, text in zip("abcd", fc.REFUSAL_REASONS.values(), strict=False)
            )
            label += f" [{reasons}]"
        if code == fc.OUTCOME_REVISIT:
            label += " tgl ........"
        parts.append(f"{BOX} {key} {label}")
    return "   ".join(parts)


def _family_block(
    number: int, family: PlanFamily, usable: float, s: dict[str, ParagraphStyle], show: Any
) -> KeepTogether:
    reasons = ", ".join(PRIORITY_REASONS.get(r, r) for r in family.reasons)
    heading = (
        f"<b>{number}. {_esc(family.head_name)}</b> · KK {show(family.no_kk)} · "
        f"{_esc(family.address)} · Prioritas {family.priority}"
        + (f" ({_esc(reasons)})" if reasons else "")
        + (f" · Jadwal {long_date(family.planned_on)}" if family.planned_on else "")
        + (
            f" · Terakhir: {fc.VISIT_OUTCOMES.get(family.last_outcome, family.last_outcome)} "
            f"{long_date(family.last_visit_on)}"
            if family.last_outcome
            else ""
        )
    )
    widths = [38 * mm, 62 * mm, 30 * mm, 14 * mm]
    widths += [usable - sum(widths) - 18 * mm, 18 * mm]
    rows: list[list[Any]] = [
        [Paragraph(heading, s["head"]), "", "", "", "", ""],
        ["NIK", "Nama", "Hubungan", "Umur", "Status JKN", "Sasaran"],
    ]
    for member in family.members:
        rows.append(
            [
                show(member.nik),
                Paragraph(_esc(member.name), s["cell"]),
                codes.label(codes.SHDK, member.shdk),
                str(member.age),
                Paragraph(_esc(member.status_label), s["cell"]),
                "\u2605" if member.category else "",
            ]
        )
    outcome_row = len(rows)
    rows.append([Paragraph("<b>Hasil:</b> " + outcome_line(), s["small"]), "", "", "", "", ""])
    topics = "   ".join(f"{BOX} {label}" for label in fc.ADVOCACY_TOPICS.values())
    rows.append([Paragraph("<b>Topik:</b> " + topics, s["small"]), "", "", "", "", ""])
    rows.append(
        [
            Paragraph(
                "<b>Tanggal kunjungan:</b> ....................   <b>Catatan:</b>", s["small"]
            ),
            "",
            "",
            "",
            "",
            "",
        ]
    )
    notes_row = len(rows) - 1
    table = Table(rows, colWidths=widths, rowHeights=[None] * notes_row + [16 * mm])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, outcome_row), (-1, outcome_row)),
                ("SPAN", (0, outcome_row + 1), (-1, outcome_row + 1)),
                ("SPAN", (0, notes_row), (-1, notes_row)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("FONT", (0, 1), (-1, -1), pdf_common.SANS, 8),
                ("FONT", (0, 1), (-1, 1), pdf_common.SANS_BOLD, 7.5),
                ("TEXTCOLOR", (0, 1), (-1, 1), colors.HexColor("#444444")),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 1), (3, -1), "CENTER"),
                ("ALIGN", (5, 1), (5, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return KeepTogether([table, Spacer(1, 3 * mm)])


def write_worksheet_pdf(
    plan: PlanView,
    path: Path | str,
    letterhead: Letterhead,
    *,
    paper: str = "A4",
    masked: bool = False,
) -> Path:
    pdf_common.register_fonts()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height = landscape(pdf_common.page_size(paper))
    margin = 10 * mm
    usable = width - 2 * margin
    base = ParagraphStyle("base", fontName=pdf_common.SANS, fontSize=9, leading=11.5)
    s = {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=pdf_common.SANS_BOLD, fontSize=13, leading=16
        ),
        "rt": ParagraphStyle(
            "rt",
            parent=base,
            fontName=pdf_common.SANS_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=4,
        ),  # fmt: skip
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=9.5),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
    }
    show = mask_nik if masked else (lambda value: value)
    agent = plan.assignment
    doc = SimpleDocTemplate(
        str(path),
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=10 * mm,
        bottomMargin=12 * mm,
        title=f"Lembar kerja sisir {agent.agent_name}",
        author=letterhead.profile.title,
        creator="PESIAR Desktop",
    )
    families = plan.families
    story: list[Any] = [
        Paragraph(f"LEMBAR KERJA SISIR — {_esc(letterhead.profile.title.upper())}", s["title"]),
        Paragraph(
            f"Agen PESIAR: <b>{_esc(agent.agent_name)}</b>"
            + (f" (HP {_esc(agent.agent_phone)})" if agent.agent_phone else "")
            + f" · Masa tugas {long_date(agent.period_start)} – {long_date(agent.period_end)}"
            + f" · {len(families)} KK sasaran, "
            f"{sum(f.targets for f in families)} jiwa sasaran · \u2605 = anggota sasaran",
            s["base"],
        ),
        Spacer(1, 3 * mm),
    ]
    if not families:
        story.append(Paragraph("Tidak ada keluarga sasaran di wilayah tugas agen ini.", s["base"]))
    number = 0
    for group in plan.groups:
        title = _esc(group.area_label)
        if group.planned_on:
            title += f" — jadwal {long_date(group.planned_on)}"
        story.append(Paragraph(f"{title} ({len(group.families)} KK)", s["rt"]))
        for family in group.families:
            number += 1
            story.append(_family_block(number, family, usable, s, show))

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(pdf_common.SANS, 7)
        canvas.drawString(
            margin,
            6 * mm,
            f"Lembar kerja sisir · {agent.agent_name} · halaman {document.page} · "
            "isi hasil dengan kode yang sama di menu Catat Kunjungan",
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
