"""Laporan bulanan penduduk as a landscape PDF: the kop surat, the table per dusun with
the village total, and the kepala desa's signature block (reports.pdf_common)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    TableStyle,
)

from pesiar_desktop.reportdata.population import COLUMNS, PopulationReport
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.rules.formatting import long_date, month_year, number

NO_WIDTH, DUSUN_WIDTH, COUNT_WIDTH = 9, 40, 14


def write_population_pdf(
    data: PopulationReport, path: Path | str, letterhead: Letterhead, *, paper: str = "A4"
) -> Path:
    path = Path(path)
    p = data.profile
    doc, width, styles = pdf_common.landscape_report(
        path, paper, f"Laporan bulanan penduduk {month_year(data.month)} — {p.title}"
    )
    title_style, sub_style, note_style = styles.title, styles.sub, styles.note

    groups: list[tuple[str, int, int]] = []
    for index, (group, _sub) in enumerate(COLUMNS, start=2):
        if groups and groups[-1][0] == group:
            groups[-1] = (group, groups[-1][1], index)
        else:
            groups.append((group, index, index))
    first_header = ["No", "Dusun"] + [""] * len(COLUMNS)
    for group, start, _end in groups:
        first_header[start] = group
    second_header = ["", ""] + [sub for _group, sub in COLUMNS]
    rows: list[list[Any]] = [first_header, second_header]
    for index, entry in enumerate(data.rows, start=1):
        rows.append([str(index), entry.dusun, *(number(v) for v in entry.counts())])
    rows.append(["", "JUMLAH", *(number(v) for v in data.total.counts())])
    widths = [NO_WIDTH, DUSUN_WIDTH] + [COUNT_WIDTH] * len(COLUMNS)
    scale = width / (sum(widths) * mm)
    table = LongTable(rows, colWidths=[w * mm * scale for w in widths], repeatRows=2)
    last = len(rows) - 1
    style = [
        ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 8.5),
        ("FONT", (0, 0), (-1, 1), pdf_common.SANS_BOLD, 8),
        ("FONT", (0, last), (-1, last), pdf_common.SANS_BOLD, 8.5),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#DDEBF7")),
        ("BACKGROUND", (0, last), (-1, last), colors.HexColor("#F2F2F2")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#808080")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 1), "CENTER"),
        ("ALIGN", (2, 2), (-1, -1), "RIGHT"),
        ("ALIGN", (0, 2), (0, -1), "CENTER"),
        ("LINEABOVE", (0, last), (-1, last), 1.2, colors.black),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for _group, start, end in groups:
        if end > start:
            style.append(("SPAN", (start, 0), (end, 0)))
    table.setStyle(TableStyle(style))
    story: list[object] = [
        pdf_common.LetterheadFlowable(letterhead, width),
        Spacer(1, 4 * mm),
        Paragraph("LAPORAN BULANAN PENDUDUK", title_style),
        Paragraph(
            f"{p.title}, Kecamatan {p.kecamatan_name}, {p.kabupaten_name} — "
            f"Bulan {month_year(data.month)}",
            sub_style,
        ),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(
            "Awal bulan = penduduk hidup pada akhir hari sebelum tanggal 1 (sama dengan akhir "
            "bulan sebelumnya). Awal + lahir + pendatang − meninggal − pindah/pergi = akhir, "
            "untuk setiap dusun. KK = Kartu Keluarga dengan sedikitnya satu anggota hidup. "
            f"Dicetak {long_date(data.generated_on)}.",
            note_style,
        ),
        Spacer(1, 4 * mm),
        KeepTogether(
            [
                pdf_common.SignatureFlowable(
                    pdf_common.SignatureBlock(p, data.generated_on), width, size=10.5
                )
            ]
        ),
    ]

    footer = pdf_common.report_footer(doc, f"Laporan bulanan penduduk {month_year(data.month)}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
