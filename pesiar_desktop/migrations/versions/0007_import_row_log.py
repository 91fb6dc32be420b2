"""imports: import_row is a log, without foreign keys to resident and family

Like the audit log, the per-row references of an import batch record what a
batch did; residents and families are never deleted, so the two foreign keys
only re-checked the importer's own writes, at a cost of about 0.2 s per
100,000 imported rows. The key to the batch stays.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("import_row", schema=None) as batch_op:
        batch_op.drop_constraint("fk_import_row_resident_id_resident", type_="foreignkey")
        batch_op.drop_constraint("fk_import_row_family_id_family", type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("import_row", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_import_row_resident_id_resident",
            "resident",
            ["resident_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            "fk_import_row_family_id_family", "family", ["family_id"], ["id"], ondelete="SET NULL"
        )
