"""Every action, entity and field the program writes to the audit log has words in the log
(`ui.audit_labels`): no `population.record`, `population_event` or `va_number` shown to the
admin; money as rupiah."""

from __future__ import annotations

import ast
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

import pesiar_desktop
from pesiar_desktop import demo
from pesiar_desktop.db import Database, open_database
from pesiar_desktop.models import AuditLog
from pesiar_desktop.rules.timezones import WITA
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.context import PERMISSIONS, SYSTEM
from pesiar_desktop.services.settings import REGISTRY
from pesiar_desktop.ui import audit_labels
from tests.unit.test_visits_helpers import TODAY, register_budi_family

PACKAGE = Path(pesiar_desktop.__file__).parent
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")
NOT_ACTIONS = {"backup.info"}  # a setting key inside a backup file, not an audit action
DEMO_TODAY = date(2026, 11, 23)
VA_NUMBER = "8888801234567890"


def _sources() -> list[Path]:
    folders = ("services", "demo", "cli")
    return [p for folder in folders for p in (PACKAGE / folder).rglob("*.py")]


def _record_args(index: int) -> set[str]:
    """String constants in argument `index` of every `audit.record(...)` call."""
    found: set[str] = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "record" or len(node.args) <= index:
                continue
            for part in ast.walk(node.args[index]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    found.add(part.value)
    return found


def _action_like_constants() -> set[str]:
    """`word.word` strings in the services that name an action passed on to `record`
    through a variable (`resident.mark_dead`, `registration.paid`): all but permissions
    and setting keys, whose first word is the first word of a known action."""
    prefixes = {action.split(".")[0] for action in audit_labels.ACTIONS if "." in action}
    found: set[str] = set()
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if CODE.match(value) and value.split(".")[0] in prefixes:
                    found.add(value)
    return found - set(PERMISSIONS) - set(REGISTRY) - NOT_ACTIONS


def test_every_audited_action_has_words():
    actions = {a for a in _record_args(2) if CODE.match(a)} | _action_like_constants()
    assert "population.record" in actions and "resident.mark_dead" in actions
    unlabelled = sorted(a for a in actions if audit_labels.action_label(a) == a)
    assert unlabelled == []


def test_every_audited_entity_has_words():
    entities = {e for e in _record_args(3) if re.match(r"^[a-z_]+$", e)}
    assert "population_event" in entities
    assert sorted(e for e in entities if audit_labels.entity_label(e) == e) == []


def test_import_kinds_are_named_not_shown_as_stored():
    assert audit_labels.action_label("import.residents") == "Impor data penduduk"
    assert audit_labels.action_label("import.bpjs") == "Impor daftar BPJS"
    assert audit_labels.field_label("sent_on") == "Tanggal kirim"


# ------------------------------------------------------------------ fields


def _logged_keys(db: Database) -> dict[str, set[str]]:
    """Every key in the before/after values of the log (nested records too), with the
    actions that wrote it."""
    keys: dict[str, set[str]] = {}

    def walk(value: Any, action: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                keys.setdefault(key, set()).add(action)
                walk(item, action)
        elif isinstance(value, list):
            for item in value:
                walk(item, action)

    with db.read() as session:
        for row in session.execute(select(AuditLog)).scalars():
            for stored in (row.before_json, row.after_json):
                if stored:
                    walk(json.loads(stored), row.action)
    return keys


def _unlabelled(db: Database) -> list[str]:
    return sorted(
        f"{key} ({', '.join(sorted(actions))})"
        for key, actions in _logged_keys(db).items()
        if audit_labels.field_label(key) == key
    )


def test_every_field_the_demo_village_logs_has_words(tmp_path, freeze_clock):
    """The demo village's own entries: set-up, agents, assignments, letters, membership
    changes, reactivations, reminders, population events, the demo summaries."""
    freeze_clock(DEMO_TODAY)
    db = open_database(f"sqlite:///{tmp_path}/demo.db", backup_dir=tmp_path / "backups")
    try:
        demo.generate(db, SYSTEM, residents=300, seed=2026, today=DEMO_TODAY)
        assert {"membership.change", "letter.draft", "reactivation.start"} <= {
            action for actions in _logged_keys(db).values() for action in actions
        }
        assert _unlabelled(db) == []
    finally:
        db.dispose()


def test_every_field_a_registration_logs_has_words(fv, admin):
    """A registration from submission to an active card: its snapshot (VA number,
    payment window, paid amount, premiums, employer) and its nested member records."""
    reg = register_budi_family(fv, admin, TODAY - timedelta(days=2))
    regs.issue_va(fv.db, admin, reg, VA_NUMBER)
    regs.record_payment(fv.db, admin, reg, TODAY)
    regs.activate(fv.db, admin, reg)
    keys = _logged_keys(fv.db)
    assert {"va_number", "paid_amount", "monthly_premium", "class", "included"} <= set(keys)
    assert _unlabelled(fv.db) == []


def test_money_in_rupiah():
    text = audit_labels.value_text
    assert text(175000, "paid_amount", WITA) == "Rp175.000"
    assert text(35000, "monthly_premium", WITA) == "Rp35.000"
    assert text(1250000, "total", WITA, "fee_payment") == "Rp1.250.000"
    assert text(12, "total", WITA, "import_batch") == "12"  # a count elsewhere
    assert text(None, "paid_amount", WITA) == "—"
