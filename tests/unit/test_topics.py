"""Every change topic is announced by a service and listened to by the window."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pesiar_desktop
from pesiar_desktop.services.events import Topic

PACKAGE = Path(pesiar_desktop.__file__).parent


def _topics_named(folder: Path, skip: set[str]) -> dict[Topic, list[str]]:
    """Topic members written as `Topic.NAME` / `events.Topic.NAME` in the folder's modules."""
    found: dict[Topic, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        if path.name in skip:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id == "Topic") or (
                isinstance(owner, ast.Attribute) and owner.attr == "Topic"
            ):
                found.setdefault(Topic[node.attr], []).append(path.name)
    return found


def test_every_topic_is_emitted_by_a_service():
    emitted = _topics_named(PACKAGE / "services", {"events.py"})
    assert set(emitted) == set(Topic), set(Topic) - set(emitted)


def test_every_topic_is_subscribed_to_in_the_window():
    subscribed = _topics_named(PACKAGE / "ui", {"bus.py"})
    assert set(subscribed) == set(Topic), set(Topic) - set(subscribed)


def test_no_topic_is_a_bare_string():
    bare = re.compile(r"""notify\(\s*["']|topic (?:==|!=|in) \(?["']""")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if bare.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
