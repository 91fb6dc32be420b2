"""Rows for the letter register and the fee list on the Agen page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pesiar_desktop.reportdata.fees import FeeLine
from pesiar_desktop.services.letters import LetterRow
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.tablemodels.fieldwork import GOOD, LATE, MUTED, WARN, Row, rows_model
from pesiar_desktop.ui.tablemodels.list_model import ListModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("LetterTables", text)


def letter_model() -> ListModel[Row]:
    headers = [
        _tr(h) for h in ("Jenis", "Nomor", "Tanggal", "Status", "Perihal", "Agen", "Dibuat oleh")
    ]
    return rows_model(headers, colour_column=3)


STATUS_COLOURS = {"draft": WARN, "approved": GOOD, "revoked": LATE}


def letter_row(r: LetterRow) -> Row:
    return Row(
        r.id,
        (
            code_label(r.type_label),
            r.number or _tr("(konsep, belum bernomor)"),
            formatting.long_date(r.letter_date),
            code_label(r.status_label),
            r.subject,
            r.agent_name,
            r.drafted_by,
        ),
        sort=(None, r.number or "", r.letter_date, None, None, None, None),
        colour=STATUS_COLOURS.get(r.status),
        tooltip=(
            _tr("Dicabut: {reason}").format(reason=r.revoke_reason) if r.revoke_reason else ""
        ),
    )


def fee_model() -> ListModel[Row]:
    headers = [
        _tr(h)
        for h in ("Agen", "Rekening", "Jiwa dibayar", "KK dibayar", "Honor", "Insentif", "Jumlah",
                  "Sisa pagu", "Status")
    ]  # fmt: skip
    return rows_model(headers, right_aligned=(2, 3, 4, 5, 6, 7), colour_column=7)


def _same(value: str) -> str:
    return value


def fee_row(line: FeeLine, personal: Callable[[str], str] = _same) -> Row:
    """`personal` masks the bank account number for viewers."""
    if line.paid_on:
        status = _tr("dibayar {date}").format(date=formatting.long_date(line.paid_on))
    elif line.recorded:
        status = _tr("tercatat, belum dibayar")
    else:
        status = _tr("belum dicatat")
    return Row(
        line.assignment_id,
        (
            line.agent_name,
            f"{line.bank_name} {personal(line.bank_account)}".strip(),
            formatting.number(line.people_paid),
            formatting.number(line.families_paid),
            formatting.rupiah(line.honorarium),
            formatting.rupiah(line.incentive),
            formatting.rupiah(line.total),
            formatting.rupiah(line.remaining),
            status,
        ),
        sort=(
            line.agent_name.lower(),
            None,
            line.people_paid,
            line.families_paid,
            line.honorarium,
            line.incentive,
            line.total,
            line.remaining,
            None,
        ),  # fmt: skip
        colour=LATE if line.over_budget else (MUTED if line.paid_on else None),
    )
