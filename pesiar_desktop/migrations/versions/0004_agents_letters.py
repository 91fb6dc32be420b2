"""agents, assignments (areas, families, fees), letters and their counters

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=False),
    sa.Column('source_category', sa.String(length=20), nullable=False),
    sa.Column('source_note', sa.String(length=120), nullable=False),
    sa.Column('position', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('bank_name', sa.String(length=60), nullable=False),
    sa.Column('bank_account', sa.String(length=30), nullable=False),
    sa.Column('bank_account_name', sa.String(length=120), nullable=False),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('integrity_pact_date', sa.Date(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_agent_resident_id_resident'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent'))
    )
    with op.batch_alter_table('agent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_resident_id'), ['resident_id'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('target_people_per_month', sa.Integer(), nullable=False),
    sa.Column('target_families_per_month', sa.Integer(), nullable=False),
    sa.Column('apbdes_code', sa.String(length=40), nullable=False),
    sa.Column('apbdes_name', sa.String(length=200), nullable=False),
    sa.Column('budget', sa.Integer(), nullable=False),
    sa.Column('monthly_honorarium', sa.Integer(), nullable=False),
    sa.Column('fee_per_person_paid', sa.Integer(), nullable=False),
    sa.Column('fee_per_family_paid', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_assignment_agent_id_agent'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index('ix_assignment_agent_period', ['agent_id', 'period_start'], unique=False)

    op.create_table('assignment_area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('dusun_id', sa.Integer(), nullable=False),
    sa.Column('rt_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_assignment_area_assignment_id_assignment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['dusun_id'], ['dusun.id'], name=op.f('fk_assignment_area_dusun_id_dusun'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rt_id'], ['rt.id'], name=op.f('fk_assignment_area_rt_id_rt'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment_area')),
    sa.UniqueConstraint('assignment_id', 'dusun_id', 'rt_id', name=op.f('uq_assignment_area_assignment_id'))
    )

    op.create_table('assignment_family',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_assignment_family_assignment_id_assignment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_assignment_family_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment_family')),
    sa.UniqueConstraint('assignment_id', 'family_id', name=op.f('uq_assignment_family_assignment_id'))
    )
    with op.batch_alter_table('assignment_family', schema=None) as batch_op:
        batch_op.create_index('ix_assignment_family_family', ['family_id'], unique=False)

    op.create_table('fee_payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('people_paid', sa.Integer(), nullable=False),
    sa.Column('families_paid', sa.Integer(), nullable=False),
    sa.Column('honorarium', sa.Integer(), nullable=False),
    sa.Column('incentive', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=60), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_fee_payment_assignment_id_assignment'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fee_payment')),
    sa.UniqueConstraint('assignment_id', 'month', name=op.f('uq_fee_payment_assignment_id'))
    )

    op.create_table('letter_counter',
    sa.Column('letter_type', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('letter_type', 'year', name=op.f('pk_letter_counter'))
    )

    op.create_table('letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('content_json', sa.Text(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('signature_variant', sa.String(length=10), nullable=False),
    sa.Column('paper', sa.String(length=4), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=80), nullable=True),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('payload', sa.String(length=300), nullable=True),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=True),
    sa.Column('drafted_by', sa.String(length=60), nullable=False),
    sa.Column('drafted_at', sa.DateTime(), nullable=False),
    sa.Column('approved_by', sa.String(length=60), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_by', sa.String(length=60), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('revoke_reason', sa.Text(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_letter_agent_id_agent'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_letter_assignment_id_assignment'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter')),
    sa.UniqueConstraint('letter_type', 'year', 'seq', name=op.f('uq_letter_letter_type')),
    sa.UniqueConstraint('number', name=op.f('uq_letter_number'))
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index('ix_letter_status', ['status'], unique=False)


def downgrade() -> None:
    op.drop_table("letter")
    op.drop_table("letter_counter")
    op.drop_table("fee_payment")
    op.drop_table("assignment_family")
    op.drop_table("assignment_area")
    op.drop_table("assignment")
    op.drop_table("agent")
