"""population events (peristiwa kependudukan) and the resident's arrival day

A population_event table (birth, death, moving out, moving in; a cancel event undoes
one) and resident.arrived_on, the day a pendatang moved into the village. Nothing
else changes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("arrived_on", sa.Date(), nullable=True))
    op.create_table(
        "population_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=120), nullable=False),
        sa.Column("note", sa.String(length=255), nullable=False),
        sa.Column("cancels_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cancels_id"],
            ["population_event.id"],
            name=op.f("fk_population_event_cancels_id_population_event"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["family_id"],
            ["family.id"],
            name=op.f("fk_population_event_family_id_family"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_population_event_resident_id_resident"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population_event")),
        sa.UniqueConstraint("cancels_id", name=op.f("uq_population_event_cancels_id")),
    )
    with op.batch_alter_table("population_event", schema=None) as batch_op:
        batch_op.create_index("ix_population_event_day", ["occurred_on", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_population_event_resident_id"), ["resident_id"], unique=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("population_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_population_event_resident_id"))
        batch_op.drop_index("ix_population_event_day")
    # The undo events point at the events they cancel (RESTRICT, checked row by row as
    # DROP TABLE empties the table on SQLite): remove them first.
    op.execute("DELETE FROM population_event WHERE cancels_id IS NOT NULL")
    op.drop_table("population_event")
    # Not a batch copy on SQLite: rebuilding `resident` would drop a table that many others
    # reference (RESTRICT). SQLite 3.35+ drops a plain column in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE resident DROP COLUMN arrived_on")
    else:
        op.drop_column("resident", "arrived_on")
