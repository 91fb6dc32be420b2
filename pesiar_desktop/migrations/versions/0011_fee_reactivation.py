"""fee_payment: reactivated jiwa and their incentive, apart from the new-member incentive

Whether bringing a member in arrears back to active earns an agent anything is the
village's decision (setting fees.reactivation_per_person, default 0); a recorded fee row
keeps how many were counted and what was paid for them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("fee_payment") as batch:
        batch.add_column(
            sa.Column("people_reactivated", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("reactivation_incentive", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("fee_payment") as batch:
        batch.drop_column("reactivation_incentive")
        batch.drop_column("people_reactivated")
