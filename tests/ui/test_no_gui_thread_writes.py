"""No service write runs on the GUI thread.

The rule, checked with `ast` over `pesiar_desktop/ui/` and `pesiar_desktop/app.py`:
a *service write* may only be referred to (called, or named at all) inside a lambda
or a local function that is handed to `ui.write_op.run_write` as its `fn` (the
third positional argument or `fn=`), or inside a function nested in one. A local
function counts as handed over when a `run_write` call in the same enclosing
function passes it by name.

A *service write* is (computed by introspection, so a new service is covered
without editing this file):
- every public function defined in a module of `pesiar_desktop.services` whose
  first two parameters are `(db, actor)` or `(session, actor)`: it acts for a
  user, checks the role, writes the audit entry and usually changes data;
  exports count (they record the export in the audit log);
- minus `READS_WITH_ACTOR`, reads that take the actor only to check the
  permission and mask what is shown;
- plus `EXTRA_WRITES`: password hashing and checking (Argon2, slow), first-run
  setup (hashes the first password) and the automatic backup.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pesiar_desktop
import pesiar_desktop.services

READS_WITH_ACTOR = {
    "pesiar_desktop.services.audit_query.query",
    "pesiar_desktop.services.audit_query.distinct_values",
}
EXTRA_WRITES = {
    "pesiar_desktop.services.users.hash_password",
    "pesiar_desktop.services.users.authenticate",
    "pesiar_desktop.services.village.setup",
    "pesiar_desktop.services.backup.auto_backup_if_due",
}
ACTOR_FIRST = (["db", "actor"], ["session", "actor"])
WRITE_HELPER = "pesiar_desktop.ui.write_op.run_write"
PACKAGE_DIR = Path(pesiar_desktop.__file__).parent


def _service_modules() -> Iterator[types.ModuleType]:
    package = pesiar_desktop.services
    yield package
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield importlib.import_module(info.name)


def _qualname(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__name__}"


def service_writes() -> dict[int, str]:
    """id(function) -> qualified name, for every service write."""
    found: dict[int, str] = {}
    for module in _service_modules():
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:
                continue  # imported here; judged where it is defined
            qualified = _qualname(fn)
            params = list(inspect.signature(fn).parameters)[:2]
            if (params in ACTOR_FIRST and qualified not in READS_WITH_ACTOR) or (
                qualified in EXTRA_WRITES
            ):
                found[id(fn)] = qualified
    return found


WRITES = service_writes()


def _resolve_import(module: str, name: str) -> object:
    try:
        return importlib.import_module(f"{module}.{name}")
    except ImportError:
        return getattr(importlib.import_module(module), name, None)


def _bindings(tree: ast.AST) -> dict[str, object]:
    """Names bound by imports anywhere in the file (the GUI imports lazily inside
    functions too) -> the module or function they stand for."""
    names: dict[str, object] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("pesiar_desktop"):
                continue
            for alias in node.names:
                names[alias.asname or alias.name] = _resolve_import(node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("pesiar_desktop"):
                    if alias.asname:
                        names[alias.asname] = importlib.import_module(alias.name)
                    else:
                        names["pesiar_desktop"] = pesiar_desktop
    return names


def _value_of(node: ast.AST, names: dict[str, object]) -> object:
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _value_of(node.value, names)
        if isinstance(base, types.ModuleType):
            return getattr(base, node.attr, None)
    return None


def _is_write_helper(call: ast.Call, names: dict[str, object]) -> bool:
    target = _value_of(call.func, names)
    return callable(target) and _qualname(target) == WRITE_HELPER  # type: ignore[arg-type]


def _handed_fn(call: ast.Call) -> ast.expr | None:
    if len(call.args) >= 3:
        return call.args[2]
    for keyword in call.keywords:
        if keyword.arg == "fn":
            return keyword.value
    return None


FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def violations(source: str, filename: str = "<source>") -> list[str]:
    """`file:line: qualified.name` for every service write outside a handed-over callable."""
    tree = ast.parse(source, filename)
    names = _bindings(tree)
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def enclosing_function(node: ast.AST) -> ast.AST | None:
        current = parents.get(node)
        while current is not None and not isinstance(current, FunctionNode):
            current = parents.get(current)
        return current

    allowed: set[ast.AST] = set()
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or not _is_write_helper(call, names):
            continue
        handed = _handed_fn(call)
        if isinstance(handed, ast.Lambda):
            allowed.add(handed)
        elif isinstance(handed, ast.Name):
            scope = enclosing_function(call)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                    and node.name == handed.id
                    and enclosing_function(node) is scope
                ):
                    allowed.add(node)

    def inside_allowed(node: ast.AST) -> bool:
        current = enclosing_function(node)
        while current is not None:
            if current in allowed:
                return True
            current = enclosing_function(current)
        return False

    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name | ast.Attribute) or not isinstance(node.ctx, ast.Load):
            continue
        if isinstance(parents.get(node), ast.Attribute):
            continue  # judged as part of the longer name (`services.users.create_user`)
        target = _value_of(node, names)
        if target is None or id(target) not in WRITES or inside_allowed(node):
            continue
        found.append(f"{filename}:{node.lineno}: {WRITES[id(target)]}")
    return sorted(found, key=lambda line: int(line.split(":")[1]))


def _scanned_files() -> list[Path]:
    return sorted((PACKAGE_DIR / "ui").rglob("*.py")) + [PACKAGE_DIR / "app.py"]


def test_the_set_of_writes_is_what_it_says():
    writes = set(WRITES.values())
    for name in (
        "residents.add_resident",
        "registrations.record_payment",
        "letters.approve",
        "users.create_user",
        "users.change_password",
        "users.authenticate",
        "users.hash_password",
        "village.update_profile",
        "village.setup",
        "settings.put",
        "backup.make_backup",
        "backup.restore_backup",
        "backup.auto_backup_if_due",
        "recap.export_recap_xlsx",
    ):
        assert f"pesiar_desktop.services.{name}" in writes, name
    for name in (
        "residents.load_resident",
        "settings.read",
        "village.get_profile",
        "audit_query.query",
        "users.list_users",
        "backup.inspect_backup",
    ):
        assert f"pesiar_desktop.services.{name}" not in writes, name


def test_no_service_write_runs_on_the_gui_thread():
    found: list[str] = []
    for path in _scanned_files():
        found += violations(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE_DIR)))
    assert found == []


SAMPLE_HEADER = """
from pesiar_desktop.services import residents, users
from pesiar_desktop.services.letters import approve
from pesiar_desktop.ui.write_op import run_write
from pesiar_desktop.ui import write_op
"""


def test_the_scan_catches_direct_calls_and_accepts_handed_over_ones():
    source = (
        SAMPLE_HEADER
        + """
class Dialog:
    def direct(self):
        residents.add_resident(self.db, self.actor, self.data)  # flagged

    def handed_lambda(self):
        run_write(self, self.tasks, lambda _c: residents.add_resident(self.db, self.actor, 1))

    def handed_def(self):
        def job(_context):
            def inner():
                return users.create_user(self.db, self.actor, "a", "b", "operator")
            return inner()
        write_op.run_write(self, self.tasks, fn=job, on_success=print)

    def def_not_handed(self):
        def job(_context):
            return approve(self.db, self.actor, 1)  # flagged
        self.tasks.run(job, serial=True)

    def other_helper(self):
        self.tasks.run(lambda _c: users.authenticate(self.db, "a", "b"))  # flagged

    def reference(self):
        save = residents.edit_resident  # flagged
        run_write(self, self.tasks, lambda _c: save(self.db, self.actor, 1))

    def handed_elsewhere(self):
        def job(_context):
            return users.hash_password("x")  # flagged
        return job

    def other_scope(self):
        run_write(self, self.tasks, job)

    def reads_are_fine(self):
        residents.load_resident(self.db, 1)
"""
    )
    flagged = [n for n, line in enumerate(source.splitlines(), 1) if "# flagged" in line]
    names = ["residents.add_resident", "letters.approve", "users.authenticate"]
    names += ["residents.edit_resident", "users.hash_password"]
    assert violations(source, "x.py") == [
        f"x.py:{line}: pesiar_desktop.services.{name}"
        for line, name in zip(flagged, names, strict=True)
    ]
