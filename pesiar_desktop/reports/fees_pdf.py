"""Daftar pembayaran honor dan insentif Agen PESIAR (PDF, landscape) for the treasurer."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from pesiar_desktop.reportdata.fees import FeeSheet
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile
from pesiar_desktop.reports.pdf_common import (
    SERIF,
    SERIF_BOLD,
    LetterheadFlowable,
    TableWithClosing,
    mm,
    page_size,
    register_fonts,
)
from pesiar_desktop.rules.formatting import month_year, number, terbilang
from pesiar_desktop.rules.tax import rate_label


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
    rate = rate_label(sheet.pph21_rate_bp)
    headers = [
        "No", "Nama Agen", "Bank / No. Rekening", "Jiwa / KK dibayar",
        "Honorarium (Rp)", "Insentif (Rp)",
        *(("Aktif kembali (jiwa)", "Insentif keaktifan (Rp)") if extra else ()),
        "Jumlah bruto (Rp)", f"PPh 21 {rate} (Rp)", "Diterima bersih (Rp)",
        "Kegiatan APBDes", "Tanda Tangan",
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
                Paragraph(f"{number(line.people_paid)} / {number(line.families_paid)}", right),
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
                Paragraph(number(line.pph21), right),
                Paragraph(number(line.net), right),
                Paragraph(escape(line.apbdes_code or "-"), cell),
                Paragraph(f"{i}. ……………", _style("s", 8, align=0 if i % 2 else TA_RIGHT)),
            ]
        )
    total = sheet.total
    bold_right = _style("rb", bold=True, align=TA_RIGHT)
    people = sum(x.people_paid for x in sheet.lines)
    families = sum(x.families_paid for x in sheet.lines)
    data.append(
        [
            "",
            Paragraph("JUMLAH", _style("b", bold=True)),
            "",
            Paragraph(f"{number(people)} / {number(families)}", right),
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
            Paragraph(number(total), bold_right),
            Paragraph(number(sheet.pph21), bold_right),
            Paragraph(number(sheet.net), bold_right),
            "",
            "",
        ]
    )
    fixed: list[float] = (
        [8, 0, 28, 16, 21, 19, 14, 19, 23, 19, 23, 17, 22]  # two more columns, the name ~38 mm
        if extra
        else [8, 0, 38, 17, 23, 21, 24, 20, 24, 18, 24]
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
    closing: list[Flowable] = [
        Spacer(1, 2 * mm),
        Paragraph(
            f"Jumlah bruto Rp{number(total)}, PPh 21 {rate} dipotong Rp{number(sheet.pph21)}, "
            f"<b>diterima bersih Rp{number(sheet.net)}</b>.",
            cell,
        ),
        Paragraph(f"Terbilang jumlah bruto: <i>{escape(terbilang(total))}</i>.", cell),
        Paragraph(f"Terbilang diterima bersih: <i>{escape(terbilang(sheet.net))}</i>.", cell),
    ]
    if not extra:
        reactivated = sum(x.people_reactivated for x in sheet.lines)
        closing.append(
            Paragraph(
                f"Peserta menunggak yang diaktifkan kembali bulan ini: {number(reactivated)} "
                "jiwa; tidak ada insentif keaktifan (pengaturan desa). Insentif hanya untuk "
                "peserta PBPU baru yang iuran pertamanya dibayar.",
                cell,
            )
        )
    closing += [Spacer(1, 5 * mm), _signatures(p, treasurer or p.bendahara_name, width)]
    # The signatures stand on the page of the table's last rows, never alone.
    story.append(TableWithClosing(table, closing, keep_rows=3))
    annex_title = Paragraph(
        "Lampiran: anggaran Dana Desa per kegiatan APBDes", _style("bh", 10, True)
    )
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
    # The annex's title never stands apart from its table.
    story += [Spacer(1, 4 * mm), KeepTogether([annex_title, Spacer(1, 1.5 * mm), ft])]
    doc.build(story)
    return out.getvalue()


def _signatures(p: VillageProfile, treasurer: str, width: float) -> Table:
    """Menyetujui the kepala desa (left), the treasurer who pays (right)."""
    sign = _style("sg", 10)
    kind = "Lurah" if p.is_kelurahan else "Kepala Desa"
    table = Table(
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
                    f"<b><u>{escape(p.kepala_desa_name or '(nama Kepala Desa)')}</u></b>", sign
                ),
                "",
                Paragraph(f"<b><u>{escape(treasurer or '(nama bendahara)')}</u></b>", sign),
            ],
        ],
        colWidths=[width * 0.35, width * 0.3, width * 0.35],
        rowHeights=[None, 16 * mm, None],
    )
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table
