"""village: the treasurer's name; fee_payment: the PPh 21 withheld

The Daftar pembayaran honor is signed by the kepala desa and the treasurer (bendahara /
Kaur Keuangan), whose name now comes from the village profile like the kepala desa's. A
recorded fee row keeps the PPh 21 withheld (setting fees.pph21_rate_bp at the time), so the
net pay of a recorded list never changes with the setting.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("village") as batch:
        batch.add_column(
            sa.Column("bendahara_name", sa.String(length=120), nullable=False, server_default="")
        )
    with op.batch_alter_table("fee_payment") as batch:
        batch.add_column(sa.Column("pph21", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("fee_payment") as batch:
        batch.drop_column("pph21")
    with op.batch_alter_table("village") as batch:
        batch.drop_column("bendahara_name")
