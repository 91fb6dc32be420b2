"""letter_text: the village's own Menimbang, Mengingat and closing lines, versioned

Each save in Pengaturan › Teks surat adds a version; letters copy the text into their own
content (hashed into the QR on approval), so no version ever changes an approved letter.
No row means the built-in text.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "letter_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_json", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_text")),
        sa.UniqueConstraint("version", name=op.f("uq_letter_text_version")),
    )


def downgrade() -> None:
    op.drop_table("letter_text")
