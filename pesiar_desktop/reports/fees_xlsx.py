"""Daftar pembayaran honor Agen PESIAR as .xlsx: the payment list and the budget lines."""

from __future__ import annotations

from pathlib import Path

from pesiar_desktop.reportdata.fees import FeeSheet
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.reports.workbook import new_workbook
from pesiar_desktop.rules.formatting import long_date, month_year

LIST_HEADERS = (
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
    ("Jumlah (Rp)", 15),
    ("Kode APBDes", 12),
    ("Kegiatan APBDes", 36),
    ("Sisa pagu agen (Rp)", 16),
    ("Dibayar tanggal", 14),
)
FUND_HEADERS = (
    ("Kode APBDes", 12),
    ("Kegiatan APBDes", 40),
    ("Pagu (Rp)", 16),
    ("Terpakai bulan lain (Rp)", 18),
    ("Bulan ini (Rp)", 16),
    ("Sisa (Rp)", 16),
)


def export(sheet: FeeSheet, profile: VillageProfile, path: Path | str) -> Path:
    path = Path(path)
    book = new_workbook(
        path, title=f"Daftar pembayaran honor Agen PESIAR {sheet.key}", company=profile.title
    )
    title = book.add_format({"bold": True, "font_size": 13})
    header = book.add_format(
        {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True, "align": "center"}
    )
    text = book.add_format({"border": 1})
    money = book.add_format({"border": 1, "num_format": "#,##0"})
    bold_money = book.add_format({"border": 1, "num_format": "#,##0", "bold": True})
    bold = book.add_format({"border": 1, "bold": True})

    ws = book.add_worksheet("Daftar pembayaran")
    ws.write_string(0, 0, "DAFTAR PEMBAYARAN HONORARIUM DAN INSENTIF AGEN PESIAR", title)
    ws.write_string(
        1,
        0,
        f"{profile.title}, Kecamatan {profile.kecamatan_name} — bulan {month_year(sheet.month)}",
    )
    for col, (label, width) in enumerate(LIST_HEADERS):
        ws.set_column(col, col, width)
        ws.write_string(3, col, label, header)
    r = 3
    for i, line in enumerate(sheet.lines, 1):
        r += 1
        ws.write_number(r, 0, i, text)
        ws.write_string(r, 1, line.agent_name, text)
        ws.write_string(r, 2, line.bank_name, text)
        ws.write_string(r, 3, line.bank_account, text)  # text: keep leading zeros
        ws.write_string(r, 4, line.bank_account_name, text)
        ws.write_number(r, 5, line.people_paid, money)
        ws.write_number(r, 6, line.families_paid, money)
        ws.write_number(r, 7, line.honorarium, money)
        ws.write_number(r, 8, line.incentive, money)
        ws.write_number(r, 9, line.people_reactivated, money)
        ws.write_number(r, 10, line.reactivation_incentive, money)
        ws.write_number(r, 11, line.total, money)
        ws.write_string(r, 12, line.apbdes_code, text)
        ws.write_string(r, 13, line.apbdes_name, text)
        ws.write_number(r, 14, line.remaining, money)
        ws.write_string(r, 15, long_date(line.paid_on), text)
    r += 1
    ws.write_string(r, 1, "JUMLAH", bold)
    for col, value in (
        (5, sum(x.people_paid for x in sheet.lines)),
        (6, sum(x.families_paid for x in sheet.lines)),
        (7, sum(x.honorarium for x in sheet.lines)),
        (8, sum(x.incentive for x in sheet.lines)),
        (9, sum(x.people_reactivated for x in sheet.lines)),
        (10, sum(x.reactivation_incentive for x in sheet.lines)),
        (11, sheet.total),
    ):
        ws.write_number(r, col, value, bold_money)
    ws.freeze_panes(4, 2)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)

    fund = book.add_worksheet("Anggaran")
    fund.write_string(0, 0, f"ANGGARAN DANA DESA AGEN PESIAR — {month_year(sheet.month)}", title)
    for col, (label, width) in enumerate(FUND_HEADERS):
        fund.set_column(col, col, width)
        fund.write_string(2, col, label, header)
    for i, f in enumerate(sheet.funding, 3):
        fund.write_string(i, 0, f.apbdes_code, text)
        fund.write_string(i, 1, f.apbdes_name, text)
        fund.write_number(i, 2, f.budget, money)
        fund.write_number(i, 3, f.used_before, money)
        fund.write_number(i, 4, f.this_month, money)
        fund.write_number(i, 5, f.remaining, money)
    book.close()
    return path
