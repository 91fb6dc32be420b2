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
