"""The installation's audit key and the chain head it witnesses, kept outside the database.

The audit log chains every entry to the one before with a keyed hash (HMAC-SHA-256).
Anyone who can write to the database but has not got this file cannot rewrite an entry
and recompute the hashes after it. The file also records the chain head (how many
entries, the newest hash) after every write, so deleting the newest entries or emptying
the table is noticed too: the head the file names must still be in the chain.

`since` is the chain head when the key was made: entries up to it were written before
this key (plain SHA-256 from older versions, or a key that was lost) and are checked
against `since.last_hash` rather than by key.

What it does not protect against: someone who has this file and the database (an
administrator of the PC) can rewrite both. The monthly recap PDF and every backup carry
the head as outside witnesses for that case.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pesiar_desktop.errors import DatabaseError

log = logging.getLogger(__name__)

KEY_FILE_NAME = "kunci-audit.json"
ENV_KEY_FILE = "PESIAR_AUDIT_KEY_FILE"
_FORMAT = 1


@dataclass(frozen=True)
class ChainHead:
    """How many entries the chain had and the newest one's hash."""

    count: int
    last_hash: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "last_hash": self.last_hash}

    @classmethod
    def from_dict(cls, raw: Any) -> ChainHead:
        if not isinstance(raw, dict):
            raise ValueError("chain head is not an object")
        last = raw.get("last_hash")
        return cls(int(raw["count"]), str(last) if last else None)

    def short(self) -> str:
        """For printing: `1234 entri, a1b2c3d4e5f6a7b8`."""
        return f"{self.count} entri, {(self.last_hash or '-')[:16]}"


class AuditKey:
    """The key file: secret key, `since` head, latest witnessed `head`, optional `pending`.

    One object per process per file; `advance` is called after every commit that wrote
    audit entries and only ever moves the head forward.
    """

    def __init__(self, path: Path, raw: dict[str, Any]):
        self.path = path
        try:
            self.secret = bytes.fromhex(str(raw["key"]))
            self.since = ChainHead.from_dict(raw["since"])
            self.head = ChainHead.from_dict(raw.get("head") or raw["since"])
            self.pending = ChainHead.from_dict(raw["pending"]) if raw.get("pending") else None
            self.pending_since = (
                ChainHead.from_dict(raw["pending_since"]) if raw.get("pending_since") else None
            )
        except (KeyError, ValueError, TypeError) as err:
            raise DatabaseError(
                f"Berkas kunci log audit {path} rusak. Kembalikan berkas itu dari salinan "
                "(mis. cadangan flashdisk), atau pindahkan berkas itu ke tempat lain agar "
                "kunci baru dibuat (log lama lalu hanya diperiksa sambungannya)."
            ) from err
        if len(self.secret) < 16:
            raise DatabaseError(f"Berkas kunci log audit {path} rusak (kunci terlalu pendek).")
        self.created = str(raw.get("created", ""))
        self._lock = threading.Lock()
        self._detached = False

    @property
    def key_id(self) -> str:
        """Names the key without revealing it (stored in backups' metadata)."""
        return hashlib.sha256(b"pesiar-audit-key-id" + self.secret).hexdigest()[:16]

    # ------------------------------------------------------------------ file

    @classmethod
    def load(cls, path: Path) -> AuditKey:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise DatabaseError(
                f"Berkas kunci log audit {path} tidak dapat dibaca: {err}. Kembalikan berkas "
                "itu dari salinan, atau pindahkan agar kunci baru dibuat."
            ) from err
        if not isinstance(raw, dict):
            raise DatabaseError(f"Berkas kunci log audit {path} rusak.")
        return cls(path, raw)

    @classmethod
    def create(cls, path: Path, since: ChainHead) -> AuditKey:
        raw = {
            "format": _FORMAT,
            "key": secrets.token_hex(32),
            "created": datetime.now().isoformat(timespec="seconds"),
            "since": since.as_dict(),
            "head": since.as_dict(),
        }
        key = cls(path, raw)
        key._write()
        if since.count:
            log.warning(
                "new audit key %s made for a log of %d entries (checked by link only)",
                path,
                since.count,
            )
        return key

    def _raw(self) -> dict[str, Any]:
        raw: dict[str, Any] = {
            "format": _FORMAT,
            "key": self.secret.hex(),
            "created": self.created or datetime.now().isoformat(timespec="seconds"),
            "since": self.since.as_dict(),
            "head": self.head.as_dict(),
        }
        if self.pending is not None:
            raw["pending"] = self.pending.as_dict()
        if self.pending_since is not None:
            raw["pending_since"] = self.pending_since.as_dict()
        return raw

    def _write(self) -> None:
        """Write under a temporary name, then rename (a crash never leaves half a file)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
        data = json.dumps(self._raw(), indent=1).encode("utf-8")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(part, self.path)

    def reload(self) -> None:
        """Another process (the CLI beside the window) may have moved the head on, or a
        restore may have set it back: the file is the truth."""
        if self._detached:
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            self.head = ChainHead.from_dict(raw["head"])
            self.pending = ChainHead.from_dict(raw["pending"]) if raw.get("pending") else None
            self.pending_since = (
                ChainHead.from_dict(raw["pending_since"]) if raw.get("pending_since") else None
            )
        except (OSError, ValueError, KeyError, TypeError):
            return

    # ------------------------------------------------------------------ head

    def advance(self, head: ChainHead) -> None:
        """After a commit: remember the new head if it is further on than the known one."""
        with self._lock:
            if self._detached:
                self.head = head if head.count > self.head.count else self.head
                return
            self.reload()
            if head.count <= self.head.count:
                return
            self.head = head
            try:
                self._write()
            except OSError as err:  # the chain itself is committed; the witness lags
                log.error("audit key file %s not updated: %s", self.path, err)

    def set_pending(self, head: ChainHead | None, since: ChainHead | None = None) -> None:
        """Before a restore swaps the database: the head the restored one will have (and,
        for a log written before this key, its new `since`)."""
        with self._lock:
            self.pending = head
            self.pending_since = since if head is not None else None
            self._write()

    def witness_of(self, head: ChainHead) -> AuditKey:
        """The same key witnessing another head, detached from the file (for checking a
        backup, or writing into a copy): `advance` on it changes nothing on disk."""
        copy = AuditKey.__new__(AuditKey)
        copy.path = self.path
        copy.secret = self.secret
        copy.since = self.since
        copy.head = head
        copy.pending = None
        copy.pending_since = None
        copy.created = self.created
        copy._lock = threading.Lock()
        copy._detached = True
        return copy

    def settle(self, table_head: ChainHead) -> None:
        """At start: a restore cut off between its steps left `pending`; the table tells
        whether the swap happened."""
        if self.pending is None:
            return
        if table_head == self.pending:
            self.reset_head(table_head, self.pending_since)
        else:
            self.set_pending(None)

    def reset_head(self, head: ChainHead, since: ChainHead | None = None) -> None:
        """After a restore: the restored chain's head replaces the old one."""
        with self._lock:
            self.head = head
            if since is not None:
                self.since = since
            self.pending = None
            self.pending_since = None
            self._write()


def load_or_create(path: Path, current: ChainHead) -> AuditKey:
    if path.exists():
        return AuditKey.load(path)
    return AuditKey.create(path, current)
