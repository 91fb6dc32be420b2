"""Who runs a command: a user and a password, checked as the window's login checks them.

A command that writes or that puts personal data out (a file, or names and NIKs on the
terminal) runs as a named user, logged in with `users.authenticate`: the same argon2
check, the same lock-out after five wrong passwords, an audit entry per login. The
implicit administrator `SYSTEM` is left only to `init` and to `demo` on an empty database.

Where the credentials come from, first found wins:
- user: `--user NAME`, else the environment variable PESIAR_USER;
- password: `--password-file FILE` (its first line), else PESIAR_PASSWORD (only for the
  user PESIAR_USER names, or for any user when PESIAR_USER is unset), else a prompt
  (getpass, nothing echoed) when the command runs in a terminal.
A password is never an option's value: it would show in the process list and the shell
history.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from pesiar_desktop.errors import AuthError

if TYPE_CHECKING:  # the database layer loads only when a command logs in (cheap --help)
    from pesiar_desktop.db import Database
    from pesiar_desktop.services.context import Actor

ENV_USER = "PESIAR_USER"
ENV_PASSWORD = "PESIAR_PASSWORD"

NEED_USER = (
    "Perintah ini perlu pengguna dan kata sandi: tambahkan --user NAMA (kata sandi akan "
    "ditanyakan), atau isi PESIAR_USER dan PESIAR_PASSWORD, atau --password-file BERKAS."
)


def add_arguments(parser: argparse.ArgumentParser, help_user: str | None = None) -> None:
    """`--user` and `--password-file` on a command that needs a login."""
    parser.add_argument(
        "--user",
        default=None,
        help=help_user
        or "pengguna yang menjalankan perintah (env PESIAR_USER); kata sandi ditanyakan",
    )
    parser.add_argument(
        "--password-file",
        default=None,
        metavar="BERKAS",
        help="berkas berisi kata sandi (baris pertama); atau env PESIAR_PASSWORD",
    )


def _password(args: argparse.Namespace, username: str) -> str:
    path = getattr(args, "password_file", None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise AuthError(f"Berkas kata sandi {path} tidak dapat dibaca: {err}") from None
        return text.splitlines()[0] if text else ""
    env_user = os.environ.get(ENV_USER, "").strip().lower()
    env_password = os.environ.get(ENV_PASSWORD)
    if env_password is not None and env_user in ("", username.strip().lower()):
        return env_password
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"Kata sandi {username}: ")
    raise AuthError(
        f"Kata sandi untuk {username} tidak diberikan: jalankan di terminal (kata sandi "
        "ditanyakan), atau isi PESIAR_PASSWORD, atau --password-file BERKAS."
    )


def login(db: Database, args: argparse.Namespace, permission: str | None = None) -> Actor:
    """The logged-in actor for this command; with `permission`, one that holds it."""
    from pesiar_desktop.services import users
    from pesiar_desktop.services.context import require

    username, password = _credentials(args)
    actor = users.authenticate(db, username, password)
    if permission is not None:
        require(actor, permission)
    return actor


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    username = getattr(args, "user", None) or os.environ.get(ENV_USER, "")
    if not username.strip():
        raise AuthError(NEED_USER)
    return username, _password(args, username)


class LoginMeanwhile:
    """`login` in a background thread while the command does read-only work (argon2
    runs without holding the GIL: a tenth of a second hidden behind, e.g., reading a
    file). The password is asked for, if it must be, before the thread starts.

        with LoginMeanwhile(db, args) as login:
            preview = ...  # reads only: nothing written, nothing shown yet
        actor = login.actor

    Leaving the block waits for the check; a failed login is raised there, in place of
    anything the block raised, so nothing is reported to someone not logged in.
    """

    def __init__(self, db: Database, args: argparse.Namespace):
        from pesiar_desktop.services import users  # here: an import in the thread would wait

        self._authenticate = users.authenticate
        self._db = db
        self._credentials = _credentials(args)
        self._actor: Actor | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._check, name="pesiar-login", daemon=True)

    def _check(self) -> None:
        try:
            self._actor = self._authenticate(self._db, *self._credentials)
        except Exception as err:  # noqa: BLE001 - raised in the command's thread below
            self._error = err

    def __enter__(self) -> LoginMeanwhile:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error from None

    @property
    def actor(self) -> Actor:
        assert self._actor is not None, "read after the with block"
        return self._actor
