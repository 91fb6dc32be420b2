"""register: drop ix_resident_life_status, a prefix of ix_resident_life_name

Every query on life_status can use the (life_status, name_sort) index of 0006;
the single-column one only cost time on every write (a 100,000-row import
builds it for nothing).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_life_status")


def downgrade() -> None:
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index("ix_resident_life_status", ["life_status"], unique=False)
