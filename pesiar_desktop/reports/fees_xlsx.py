"""Daftar pembayaran honor Agen PESIAR as .xlsx: the payment list (gross, PPh 21, net, total
in words, the signatures) and the budget lines, ready to print (title rows, widths, page
set-up through reports.workbook)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xlsxwriter.utility import xl_rowcol_to_cell

from pesiar_desktop.reportdata.fees import FeeSheet
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.reports.workbook import new_workbook, print_setup, title_rows
from pesiar_desktop.rules.formatting import long_date, month_year, terbilang
from pesiar_desktop.rules.tax import rate_label

FUND_HEADERS = (
    ("Kode APBDes", 12),
    ("Kegiatan APBDes", 40),
    ("Pagu (Rp)", 16),
    ("Terpakai bulan lain (Rp)", 18),
    ("Bulan ini (Rp)", 16),
    ("Sisa (Rp)", 16),
)


def list_headers(sheet: FeeSheet) -> tuple[tuple[str, int], ...]:
    """The payment list's columns (label, width); the PPh 21 header names the rate."""
    return (
        ("No", 5),
        ("Nama agen", 28),
        ("Bank", 16),
        ("No. rekening", 20),
        ("Atas nama", 24),
        ("Jiwa dibayar", 10),
        ("KK dibayar", 10),
        ("Honorarium (Rp)", 15),
        ("Insentif peserta baru (Rp)", 14),
        ("Diaktifkan kembali (jiwa)", 12),
        ("Insentif keaktifan (Rp)", 14),
        ("Jumlah bruto (Rp)", 15),
        (f"PPh 21 {rate_label(sheet.pph21_rate_bp)} (Rp)", 13),
        ("Diterima bersih (Rp)", 15),
        ("Kode APBDes", 12),
        ("Kegiatan APBDes", 36),
        ("Sisa pagu agen (Rp)", 16),
        ("Dibayar tanggal", 14),
    )


SUMMED = (5, 6, 7, 8, 9, 10, 11, 12, 13)  # the columns with a total


def export(
    sheet: FeeSheet, profile: VillageProfile, path: Path | str, *, today: date | None = None
) -> Path:
    path = Path(path)
    book = new_workbook(
        path, title=f"Daftar pembayaran honor Agen PESIAR {sheet.key}", company=profile.title
    )
    title = book.add_format({"bold": True, "font_size": 13})
    header = book.add_format(
        {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True, "align": "center",
         "valign": "vcenter"}
    )  # fmt: skip
    text = book.add_format({"border": 1})
    money = book.add_format({"border": 1, "num_format": "#,##0"})
    bold_money = book.add_format({"border": 1, "num_format": "#,##0", "bold": True})
    bold = book.add_format({"border": 1, "bold": True})
    italic = book.add_format({"italic": True})
    name_fmt = book.add_format({"bold": True, "underline": True})

    ws = book.add_worksheet("Daftar pembayaran")
    headers = list_headers(sheet)
    head = title_rows(
        ws,
        "DAFTAR PEMBAYARAN HONORARIUM DAN INSENTIF AGEN PESIAR",
        [
            f"{profile.title}, Kecamatan {profile.kecamatan_name}, {profile.kabupaten_name}",
            f"Bulan {month_year(sheet.month)}",
        ],
        title_format=title,
        printed_on=today,
    )
    for col, (label, width) in enumerate(headers):
        ws.set_column(col, col, width)
        ws.write_string(head, col, label, header)
    ws.set_row(head, 30)
    r = head
    for i, line in enumerate(sheet.lines, 1):
        r += 1
        ws.write_number(r, 0, i, text)
        ws.write_string(r, 1, line.agent_name, text)
        ws.write_string(r, 2, line.bank_name, text)
        ws.write_string(r, 3, line.bank_account, text)  # text: keep leading zeros
        ws.write_string(r, 4, line.bank_account_name, text)
        for col, value in zip(
            SUMMED,
            (line.people_paid, line.families_paid, line.honorarium, line.incentive,
             line.people_reactivated, line.reactivation_incentive, line.total, line.pph21,
             line.net),
            strict=True,
        ):  # fmt: skip
            ws.write_number(r, col, value, money)
        ws.write_string(r, 14, line.apbdes_code, text)
        ws.write_string(r, 15, line.apbdes_name, text)
        ws.write_number(r, 16, line.remaining, money)
        ws.write_string(r, 17, long_date(line.paid_on), text)
    first, last = head + 1, r
    r += 1
    ws.write_string(r, 1, "JUMLAH", bold)
    totals = (
        sum(x.people_paid for x in sheet.lines),
        sum(x.families_paid for x in sheet.lines),
        sum(x.honorarium for x in sheet.lines),
        sum(x.incentive for x in sheet.lines),
        sum(x.people_reactivated for x in sheet.lines),
        sum(x.reactivation_incentive for x in sheet.lines),
        sheet.total,
        sheet.pph21,
        sheet.net,
    )
    for col, value in zip(SUMMED, totals, strict=True):
        if sheet.lines:
            cells = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(last, col)}"
            ws.write_formula(r, col, f"=SUM({cells})", bold_money, value)
        else:
            ws.write_number(r, col, value, bold_money)
    r += 2
    ws.write_string(r, 1, f"Terbilang jumlah bruto: {terbilang(sheet.total)}", italic)
    ws.write_string(r + 1, 1, f"Terbilang diterima bersih: {terbilang(sheet.net)}", italic)
    r += 3
    office = "Lurah" if profile.is_kelurahan else "Kepala Desa"
    ws.write_string(r, 1, "Menyetujui,")
    ws.write_string(r, 11, f"{profile.desa_name}, ……………… 20……")
    ws.write_string(r + 1, 1, f"{office} {profile.desa_name},")
    ws.write_string(r + 1, 11, "Kaur Keuangan (Bendahara Desa),")
    ws.write_string(r + 5, 1, profile.kepala_desa_name or "(nama Kepala Desa)", name_fmt)
    ws.write_string(r + 5, 11, profile.bendahara_name or "(nama bendahara)", name_fmt)
    ws.freeze_panes(head + 1, 2)
    print_setup(ws, header_row=head, footer=f"Daftar pembayaran honor {sheet.key}")

    fund = book.add_worksheet("Anggaran")
    head = title_rows(
        fund,
        f"ANGGARAN DANA DESA AGEN PESIAR — {month_year(sheet.month)}",
        [f"{profile.title}, Kecamatan {profile.kecamatan_name}"],
        title_format=title,
        printed_on=today,
    )
    for col, (label, width) in enumerate(FUND_HEADERS):
        fund.set_column(col, col, width)
        fund.write_string(head, col, label, header)
    for i, f in enumerate(sheet.funding, head + 1):
        fund.write_string(i, 0, f.apbdes_code, text)
        fund.write_string(i, 1, f.apbdes_name, text)
        fund.write_number(i, 2, f.budget, money)
        fund.write_number(i, 3, f.used_before, money)
        fund.write_number(i, 4, f.this_month, money)
        fund.write_number(i, 5, f.remaining, money)
    print_setup(fund, header_row=head, footer=f"Anggaran agen PESIAR {sheet.key}")
    book.close()
    return path
