"""Rows for the Agen page's agent and assignment tables (plain texts, never ORM objects).

The lists are small (a village has a handful of agents), so they use the shared in-memory
`ListModel` (`rows_model`); this module only says what each column shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from pesiar_desktop.services.agents import AgentRow
from pesiar_desktop.services.assignments import AssignmentRow
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.tablemodels.fieldwork import MUTED, WARN, Row, rows_model
from pesiar_desktop.ui.tablemodels.list_model import ListModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgentTables", text)


def agent_model() -> ListModel[Row]:
    headers = [
        _tr(h) for h in ("Nama", "Unsur", "No. HP", "Rekening", "Pakta integritas", "Status")
    ]
    return rows_model(headers)


def _same(value: str) -> str:
    return value


def agent_row(a: AgentRow, personal: Callable[[str], str] = _same) -> Row:
    """`personal` masks the phone and account numbers for viewers."""
    account = f"{a.bank_name} {personal(a.bank_account)}".strip()
    return Row(
        a.id,
        (
            a.name,
            code_label(a.source_label),
            personal(a.phone),
            account,
            formatting.long_date(a.integrity_pact_date) or _tr("belum"),
            _tr("Aktif") if a.is_active else _tr("Tidak aktif"),
        ),
        sort=(a.name.lower(), None, None, None, a.integrity_pact_date, None),
        colour=None if a.is_active else MUTED,
    )


def assignment_model() -> ListModel[Row]:
    headers = [
        _tr(h)
        for h in (
            "Agen",
            "Masa tugas",
            "Wilayah",
            "KK binaan",
            "Target/bulan",
            "Kegiatan APBDes",
            "Pagu",
            "Honor/bulan",
            "Per jiwa",
        )
    ]
    return rows_model(headers, right_aligned=(3, 6, 7, 8))


def assignment_row(a: AssignmentRow) -> Row:
    period = f"{formatting.short_date(a.period_start)} s.d. {formatting.short_date(a.period_end)}"
    funding = f"{a.apbdes_code} {a.apbdes_name}".strip()
    return Row(
        a.id,
        (
            a.agent_name,
            period,
            a.areas,
            formatting.number(a.families),
            f"{a.target_people_per_month} jiwa / {a.target_families_per_month} KK",
            funding,
            formatting.rupiah(a.budget),
            formatting.rupiah(a.monthly_honorarium),
            formatting.rupiah(a.fee_per_person_paid),
        ),
        sort=(
            a.agent_name.lower(),
            a.period_start,
            None,
            a.families,
            None,
            None,
            a.budget,
            a.monthly_honorarium,
            a.fee_per_person_paid,
        ),  # fmt: skip
        colour=WARN if a.workload_warning else (None if a.is_active else MUTED),
        tooltip=a.workload_warning or "",
    )
