"""The Rekap sheet as a landscape PDF the kepala desa signs and the office sends on.

Letterhead and signature block come from `reports.pdf_common` (the same kop surat as
the letters); the table repeats its header on every page and ends with the totals.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    TableStyle,
)

from pesiar_desktop.reportdata.recap import RecapData
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports import pdf_common
from pesiar_desktop.rules.formatting import long_date, month_year, number, percent

HEADERS = [
    "No",
    "Nama agen",
    "Wilayah tugas",
    "Target\njiwa",
    "Realisasi\njiwa",
    "%",
    "Target\nKK",
    "Realisasi\nKK",
    "%",
    "Kun-\njungan",
    "KK di-\nkunjungi",
    "Advo-\nkasi",
    "Didaftar-\nkan (jiwa)",
    "Didaftar-\nkan (KK)",
    "Belum\nbayar\n(KK)",
    "Aktif\nkembali\n(jiwa)",
    "Aktif\nkembali\n(KK)",
]
WIDTHS_MM = [9, 38, 44, 15, 17, 15, 15, 17, 15, 15, 16, 13, 18, 18, 16, 19, 19]


def _pct(part: int, whole: int) -> str:
    return percent(100.0 * part / whole) if whole else "–"


def write_recap_pdf(
    data: RecapData, path: Path | str, letterhead: Letterhead, *, paper: str = "A4"
) -> Path:
    path = Path(path)
    doc, width, styles = pdf_common.landscape_report(
        path, paper, f"Rekap PESIAR {month_year(data.month)} — {data.profile.title}"
    )
    title_style, sub_style, note_style = styles.title, styles.sub, styles.note
    cell_style = ParagraphStyle("cell", fontName=pdf_common.SANS, fontSize=8, leading=9.5)

    rows: list[list[object]] = [list(HEADERS)]
    for index, r in enumerate(data.rekap, start=1):
        rows.append(
            [
                str(index),
                Paragraph(r.name, cell_style),
                Paragraph(r.area or "–", cell_style),
                number(r.target_people),
                number(r.paid_people),
                _pct(r.paid_people, r.target_people),
                number(r.target_families),
                number(r.paid_families),
                _pct(r.paid_families, r.target_families),
                number(r.visits),
                number(r.families_visited),
                number(r.advocacy_events),
                number(r.registered_people),
                number(r.registered_families),
                number(r.unpaid_families),
                number(r.reactivated_people),
                number(r.reactivated_families),
            ]
        )
    t = data.rekap
    totals = {
        "tp": sum(r.target_people for r in t),
        "pp": sum(r.paid_people for r in t),
        "tf": sum(r.target_families for r in t),
        "pf": sum(r.paid_families for r in t),
    }
    rows.append(
        [
            "",
            "JUMLAH",
            "",
            number(totals["tp"]),
            number(totals["pp"]),
            _pct(totals["pp"], totals["tp"]),
            number(totals["tf"]),
            number(totals["pf"]),
            _pct(totals["pf"], totals["tf"]),
            number(sum(r.visits for r in t)),
            number(sum(r.families_visited for r in t)),
            number(sum(r.advocacy_events for r in t)),
            number(sum(r.registered_people for r in t)),
            number(sum(r.registered_families for r in t)),
            number(sum(r.unpaid_families for r in t)),
            number(sum(r.reactivated_people for r in t)),
            number(sum(r.reactivated_families for r in t)),
        ]
    )
    scale = width / (sum(WIDTHS_MM) * mm)
    table = LongTable(rows, colWidths=[w * mm * scale for w in WIDTHS_MM], repeatRows=1)
    last = len(rows) - 1
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), pdf_common.SANS, 8),
                ("FONT", (0, 0), (-1, 0), pdf_common.SANS_BOLD, 7.5),
                ("FONT", (0, last), (-1, last), pdf_common.SANS_BOLD, 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
                ("BACKGROUND", (0, last), (-1, last), colors.HexColor("#F2F2F2")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#808080")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("LINEABOVE", (0, last), (-1, last), 1.2, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    p = data.profile
    story: list[object] = [
        pdf_common.LetterheadFlowable(letterhead, width),
        Spacer(1, 4 * mm),
        Paragraph("REKAPITULASI BULANAN PROGRAM PESIAR", title_style),
        Paragraph(
            f"{p.title}, Kecamatan {p.kecamatan_name}, {p.kabupaten_name} — "
            f"Bulan {month_year(data.month)}",
            sub_style,
        ),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(
            "Realisasi = anggota keluarga yang iuran pertamanya dibayar pada bulan ini (dasar "
            "insentif agen). Didaftarkan = pendaftaran PBPU baru yang diajukan bulan ini, tidak "
            "dibatalkan dan tidak kedaluwarsa; rincian per orang ada di lembar Pendaftaran "
            f"({number(len(data.pendaftaran))} jiwa). Aktif kembali = peserta menunggak yang "
            "tunggakannya lunas bulan ini (bukan peserta baru; rincian di lembar Keaktifan). "
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

    # The audit log's head on every page: a witness of the log the branch keeps.
    footer = pdf_common.report_footer(
        doc,
        f"Rekap PESIAR {month_year(data.month)}",
        f"Kepala log audit: {data.audit_head}" if data.audit_head else "",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
