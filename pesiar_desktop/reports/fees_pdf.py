"""Daftar pembayaran honor dan insentif Agen PESIAR (PDF, landscape) for the treasurer."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pesiar_desktop.reportdata.fees import FeeSheet
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.reports.pdf_common import (
    SERIF,
    SERIF_BOLD,
    LetterheadFlowable,
    mm,
    page_size,
    register_fonts,
)
from pesiar_desktop.rules.formatting import month_year, number, terbilang


def _style(name: str, size: float = 9, bold: bool = False, align: int = 0) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=SERIF_BOLD if bold else SERIF,
        fontSize=size,
        leading=size * 1.25,
        alignment=align,
    )


def render(
    sheet: FeeSheet, letterhead: Letterhead, paper: str = "A4", treasurer: str = ""
) -> bytes:
    register_fonts()
    w, h = page_size(paper)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=(h, w),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=10 * mm,
        bottomMargin=12 * mm,
        title=f"Daftar pembayaran honor Agen PESIAR {sheet.key}",
        author=letterhead.profile.title,
        creator="PESIAR Desktop",
    )
    width = h - 30 * mm
    cell, head, right, centre = (
        _style("c"),
        _style("h", 8, bold=True, align=TA_CENTER),
        _style("r", align=TA_RIGHT),
        _style("m", align=TA_CENTER),
    )
    title = _style("t", 12, True, TA_CENTER)
    p = letterhead.profile
    story = [
        LetterheadFlowable(letterhead, width),
        Spacer(1, 4 * mm),
        Paragraph("DAFTAR PEMBAYARAN HONORARIUM DAN INSENTIF AGEN PESIAR", title),
        Paragraph(f"BULAN {escape(month_year(sheet.month).upper())}", title),
        Spacer(1, 4 * mm),
    ]
    # The reactivation columns appear only when the village pays for reactivations (a
    # setting, default none); otherwise a note below the table says so.
    extra = sheet.pays_reactivations
    headers = [
        "No", "Nama Agen", "Bank / No. Rekening", "Jiwa dibayar", "KK dibayar",
        "Honorarium (Rp)", "Insentif (Rp)",
        *(("Aktif kembali (jiwa)", "Insentif keaktifan (Rp)") if extra else ()),
        "Jumlah (Rp)", "Kegiatan APBDes", "Tanda Tangan",
    ]  # fmt: skip
    data: list[list[object]] = [[Paragraph(t, head) for t in headers]]
    for i, line in enumerate(sheet.lines, 1):
        account = f"{line.bank_name} {line.bank_account}".strip() or "-"
        if line.bank_account and line.bank_account_name != line.agent_name:
            account += f" a.n. {line.bank_account_name}"
        data.append(
            [
                Paragraph(str(i), centre),
                Paragraph(escape(line.agent_name), cell),
                Paragraph(escape(account), cell),
                Paragraph(number(line.people_paid), right),
                Paragraph(number(line.families_paid), right),
                Paragraph(number(line.honorarium), right),
                Paragraph(number(line.incentive), right),
                *(
                    (
                        Paragraph(number(line.people_reactivated), right),
                        Paragraph(number(line.reactivation_incentive), right),
                    )
                    if extra
                    else ()
                ),
                Paragraph(number(line.total), right),
                Paragraph(escape(line.apbdes_code or "-"), cell),
                Paragraph(f"{i}. ……………", _style("s", 8, align=0 if i % 2 else TA_RIGHT)),
            ]
        )
    total = sheet.total
    data.append(
        [
            "",
            Paragraph("JUMLAH", _style("b", bold=True)),
            "",
            Paragraph(number(sum(x.people_paid for x in sheet.lines)), right),
            Paragraph(number(sum(x.families_paid for x in sheet.lines)), right),
            Paragraph(number(sum(x.honorarium for x in sheet.lines)), right),
            Paragraph(number(sum(x.incentive for x in sheet.lines)), right),
            *(
                (
                    Paragraph(number(sum(x.people_reactivated for x in sheet.lines)), right),
                    Paragraph(number(sum(x.reactivation_incentive for x in sheet.lines)), right),
                )
                if extra
                else ()
            ),
            Paragraph(number(total), _style("rb", bold=True, align=TA_RIGHT)),
            "",
            "",
        ]
    )
    fixed: list[float] = (
        [11, 0, 34, 15, 13, 24, 22, 15, 22, 24, 20, 26]  # two more columns, the name ~41 mm
        if extra
        else [11, 0, 50, 17, 15, 28, 23, 25, 25, 30]
    )
    fixed[1] = width / mm - sum(fixed)
    table = Table(data, colWidths=[x * mm for x in fixed], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("SPAN", (1, -1), (2, -1)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 2 * mm),
        Paragraph(f"Terbilang: <i>{escape(terbilang(total).capitalize())}</i>", cell),
    ]
    if not extra:
        reactivated = sum(x.people_reactivated for x in sheet.lines)
        story.append(
            Paragraph(
                f"Peserta menunggak yang diaktifkan kembali bulan ini: {number(reactivated)} "
                "jiwa; tidak ada insentif keaktifan (pengaturan desa). Insentif hanya untuk "
                "peserta PBPU baru yang iuran pertamanya dibayar.",
                cell,
            )
        )
    story += [
        Spacer(1, 4 * mm),
        Paragraph("Anggaran Dana Desa per kegiatan APBDes", _style("bh", 10, True)),
        Spacer(1, 1.5 * mm),
    ]
    funding = [
        [
            Paragraph(t, head)
            for t in (
                "Kode",
                "Kegiatan APBDes",
                "Pagu (Rp)",
                "Terpakai bulan lain (Rp)",
                "Bulan ini (Rp)",
                "Sisa (Rp)",
            )
        ]
    ]
    for f in sheet.funding:
        funding.append(
            [
                Paragraph(escape(f.apbdes_code or "-"), cell),
                Paragraph(escape(f.apbdes_name or "(belum diisi)"), cell),
                Paragraph(number(f.budget), right),
                Paragraph(number(f.used_before), right),
                Paragraph(number(f.this_month), right),
                Paragraph(number(f.remaining), _style("rr", align=TA_RIGHT, bold=f.remaining < 0)),
            ]
        )
    ft = Table(funding, colWidths=[x * mm for x in (22, 95, 30, 38, 30, 30)], hAlign="LEFT")
    ft.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story.append(ft)
    sign = _style("sg", 10)
    kind = "Lurah" if p.is_kelurahan else "Kepala Desa"
    signatures = Table(
        [
            [
                Paragraph(f"Menyetujui,<br/>{kind} {escape(p.desa_name)},", sign),
                "",
                Paragraph(
                    f"{escape(p.desa_name)}, ……………… 20……<br/>Kaur Keuangan (Bendahara Desa),",
                    sign,
                ),
            ],
            ["", "", ""],
            [
                Paragraph(
                    f"<b><u>{escape(p.kepala_desa_name or '(nama kepala desa)')}</u></b>", sign
                ),
                "",
                Paragraph(f"<b><u>{escape(treasurer or '(nama bendahara)')}</u></b>", sign),
            ],
        ],
        colWidths=[width * 0.35, width * 0.3, width * 0.35],
        rowHeights=[None, 16 * mm, None],
    )
    story += [Spacer(1, 6 * mm), KeepTogether([signatures])]
    doc.build(story)
    return out.getvalue()
