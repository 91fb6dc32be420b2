"""Every action and entity the program writes to the audit log has words in the log
(`ui.audit_labels`): no `population.record` or `population_event` shown to the admin."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pesiar_desktop
from pesiar_desktop.services.context import PERMISSIONS
from pesiar_desktop.services.settings import REGISTRY
from pesiar_desktop.ui import audit_labels

PACKAGE = Path(pesiar_desktop.__file__).parent
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")
NOT_ACTIONS = {"backup.info"}  # a setting key inside a backup file, not an audit action


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
