"""Typed access to the key/value settings table, with defaults kept in one place."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.models import Setting
from pesiar_desktop.services import audit
from pesiar_desktop.services.context import Actor, require

DEFAULTS: dict[str, Any] = {
    "agent.monthly_target_jiwa": 35,
    "agent.monthly_target_kk": 13,
    "agent.max_families": 500,
    "registration.first_payment_days": 14,
    # VA number of a new PBPU registration as BPJS issues it: a regular expression on the
    # digits (here 8888 then 12 digits). Change it when the branch uses another format.
    "registration.va_pattern": r"^8888\d{12}$",
    "letters.paper": "A4",
    "letters.number_template": "{kode}/{urut:03}/{kode_desa}/{bulan_romawi}/{tahun}",
    # Classification code per letter type ({kode}); distinct so the yearly counters never clash.
    "letters.code.SK": "141",
    "letters.code.SURAT_TUGAS": "094",
    "letters.code.PAKTA": "400.7",
    "letters.code.ID_CARD": "400.7.1",
    "letters.kode_desa": "",  # {kode_desa}; empty: DS-<last 4 digits of the region code>
    "backup.keep": 10,
    "session.lock_minutes": 15,
    "ui.language": "id",
    # Laporan: Pendaftaran column order per BPJS branch ({branch: [keys]}) and the branch used.
    "recap.columns": {},
    "recap.branch": "",
}


def get(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value_json)


def read(db: Database, key: str) -> Any:
    with db.read() as session:
        return get(session, key)


def put(db: Database, actor: Actor, key: str, value: Any) -> None:
    require(actor, "settings.edit")
    with db.transaction() as session:
        row = session.get(Setting, key)
        before = json.loads(row.value_json) if row else DEFAULTS.get(key)
        if row is None:
            session.add(Setting(key=key, value_json=json.dumps(value)))
        else:
            row.value_json = json.dumps(value)
        audit.record(
            session, actor, "setting.change", "setting", key, {"value": before}, {"value": value}
        )
