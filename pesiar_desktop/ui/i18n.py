"""Typed stand-in for Qt's QT_TRANSLATE_NOOP.

PySide's stub types its result as `object`; this one says `str`. lupdate finds strings by the
call's name, so marking a string through this function is the same as through Qt's.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks `text` for translation in `context`; translate it later with tr()/translate()."""
    del context
    return text
