"""Domain errors carry an Indonesian message meant for the user."""

from __future__ import annotations


class PesiarError(Exception):
    """An error the user caused or can fix; `str(err)` is shown as is."""


class ValidationError(PesiarError):
    """Bad input; `field_errors` maps a field name to the message shown beside it."""

    def __init__(self, field_errors: dict[str, str]):
        self.field_errors = dict(field_errors)
        super().__init__("; ".join(self.field_errors.values()))


class PermissionDenied(PesiarError):
    pass


class NotFound(PesiarError):
    pass


class AuthError(PesiarError):
    pass


class DatabaseError(PesiarError):
    pass


# ====================================================================== failures of the machine

_DISK_FULL_TEXT = (
    "Disk penuh: data tidak dapat ditulis, dan tidak ada yang diubah. Kosongkan ruang disk "
    "(atau pilih tempat lain untuk berkas), lalu ulangi."
)
_LOCKED_TEXT = (
    "Basis data sedang dikunci program lain terlalu lama (mis. PESIAR Desktop lain, program "
    "cadangan, atau penampil SQLite yang masih terbuka); tidak ada yang diubah. Tutup program "
    "itu atau tunggu sebentar, lalu ulangi."
)
EXIT_DISK_FULL = 2
EXIT_LOCKED = 4


def _chain(error: BaseException) -> list[BaseException]:
    """The error, what it wraps (SQLAlchemy's `.orig`) and what caused it."""
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        item = pending.pop()
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        pending += [getattr(item, "orig", None), item.__cause__, item.__context__]
    return seen


def explain(error: BaseException) -> tuple[str, int] | None:
    """An Indonesian one-line explanation and an exit status for failures of the machine
    rather than of the input: a full disk, a database another program holds locked.
    None for anything else (a bug: the caller shows a general message and logs it)."""
    import errno

    for item in _chain(error):
        if isinstance(item, OSError) and item.errno in (errno.ENOSPC, errno.EDQUOT):
            return _DISK_FULL_TEXT, EXIT_DISK_FULL
        text = str(item).lower()
        state = getattr(item, "sqlstate", None) or getattr(item, "pgcode", None)
        if "database or disk is full" in text or state in ("53100", "53200"):
            return _DISK_FULL_TEXT, EXIT_DISK_FULL
        if "database is locked" in text or "database table is locked" in text:
            return _LOCKED_TEXT, EXIT_LOCKED
        if state in ("55P03", "57014"):  # lock_not_available, query_canceled (lock timeout)
            return _LOCKED_TEXT, EXIT_LOCKED
    return None
