"""resident: residents whose NIK needs fixing (nik_problem, nik_raw)

A resident whose NIK is invalid or missing is kept in the register, flagged "NIK perlu
diperbaiki": `nik` holds the value as written (maybe blank), `nik_problem` the reason,
`nik_raw` the value as first written (kept after the fix, to match a re-import). Only
valid NIKs must be unique, so the table-wide unique constraint becomes a partial unique
index (WHERE nik_problem IS NULL) plus a plain index for lookups; `nik` gets room for
a value as written. On SQLite this rebuilds the table (db.migrate turns foreign keys
off for the rebuild and checks them before committing).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-09

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VALID = sa.text("nik_problem IS NULL")


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _unique_index_stands_in() -> bool:
    """SQLite after this downgrade: a unique index, not a constraint, keeps NIKs unique."""
    names = {index["name"] for index in sa.inspect(op.get_bind()).get_indexes("resident")}
    return "uq_resident_nik" in names


def upgrade() -> None:
    with op.batch_alter_table("resident", recreate="auto") as batch:
        batch.add_column(sa.Column("nik_problem", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("nik_raw", sa.String(length=32), nullable=True))
    if _sqlite() and _unique_index_stands_in():
        op.drop_index("uq_resident_nik", table_name="resident")  # SQLite ignores the length
    else:
        with op.batch_alter_table("resident", recreate="auto") as batch:
            batch.drop_constraint("uq_resident_nik", type_="unique")
            batch.alter_column(
                "nik", existing_type=sa.String(length=16), type_=sa.String(length=32)
            )
    op.create_index(
        "uq_resident_nik_valid",
        "resident",
        ["nik"],
        unique=True,
        sqlite_where=_VALID,
        postgresql_where=_VALID,
    )
    op.create_index("ix_resident_nik", "resident", ["nik"], unique=False)


def downgrade() -> None:
    # Only possible once every NIK is valid: NIKs are unique across all rows again.
    op.drop_index("ix_resident_nik", table_name="resident")
    op.drop_index("uq_resident_nik_valid", table_name="resident")
    if _sqlite():
        # No table rebuild (the caller may have foreign keys on): a unique index stands in
        # for the constraint, and SQLite drops the columns in place.
        op.create_index("uq_resident_nik", "resident", ["nik"], unique=True)
        op.drop_column("resident", "nik_raw")
        op.drop_column("resident", "nik_problem")
        return
    op.alter_column(
        "resident", "nik", existing_type=sa.String(length=32), type_=sa.String(length=16)
    )
    op.create_unique_constraint("uq_resident_nik", "resident", ["nik"])
    op.drop_column("resident", "nik_raw")
    op.drop_column("resident", "nik_problem")
