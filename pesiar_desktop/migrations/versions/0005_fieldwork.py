"""fieldwork: premium rates, visit plans, visits, advocacy events, registrations

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

"""

import datetime
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('premium_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('segment', sa.String(length=12), nullable=False),
    sa.Column('jkn_class', sa.SmallInteger(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('subsidy', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_premium_rate')),
    sa.UniqueConstraint('segment', 'jkn_class', 'valid_from', name=op.f('uq_premium_rate_segment'))
    )

    op.create_table('visit_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('rt_id', sa.Integer(), nullable=True),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('priority', sa.SmallInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_visit_plan_assignment_id_assignment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_visit_plan_family_id_family'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rt_id'], ['rt.id'], name=op.f('fk_visit_plan_rt_id_rt'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_plan'))
    )
    with op.batch_alter_table('visit_plan', schema=None) as batch_op:
        batch_op.create_index('ix_visit_plan_assignment_date', ['assignment_id', 'planned_on'], unique=False)

    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('refusal_reason', sa.String(length=20), nullable=True),
    sa.Column('revisit_on', sa.Date(), nullable=True),
    sa.Column('topics', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=60), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_visit_agent_id_agent'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_visit_assignment_id_assignment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_visit_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index('ix_visit_family_date', ['family_id', 'visited_on'], unique=False)
        batch_op.create_index('ix_visit_revisit', ['revisit_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_visited_on'), ['visited_on'], unique=False)

    op.create_table('advocacy_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('audience', sa.String(length=200), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('topics', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.String(length=60), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_advocacy_event_agent_id_agent'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advocacy_event'))
    )
    with op.batch_alter_table('advocacy_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advocacy_event_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_advocacy_event_held_on'), ['held_on'], unique=False)

    op.create_table('advocacy_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['advocacy_event.id'], name=op.f('fk_advocacy_attachment_event_id_advocacy_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advocacy_attachment'))
    )

    op.create_table('registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('assignment_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('va_number', sa.String(length=30), nullable=False),
    sa.Column('va_issued_on', sa.Date(), nullable=True),
    sa.Column('payment_due', sa.Date(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('paid_amount', sa.Integer(), nullable=False),
    sa.Column('active_on', sa.Date(), nullable=True),
    sa.Column('monthly_premium', sa.Integer(), nullable=False),
    sa.Column('receipt_number', sa.String(length=60), nullable=True),
    sa.Column('employer_name', sa.String(length=200), nullable=False),
    sa.Column('employer_address', sa.String(length=200), nullable=False),
    sa.Column('exclusion_reason', sa.Text(), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['agent.id'], name=op.f('fk_registration_agent_id_agent'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_registration_assignment_id_assignment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_registration_family_id_family'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration')),
    sa.UniqueConstraint('receipt_number', name=op.f('uq_registration_receipt_number'))
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index('ix_registration_family', ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_registered_on'), ['registered_on'], unique=False)
        batch_op.create_index('ix_registration_status_due', ['status', 'payment_due'], unique=False)

    op.create_table('registration_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('jkn_class', sa.SmallInteger(), nullable=True),
    sa.Column('monthly_premium', sa.Integer(), nullable=False),
    sa.Column('included', sa.Boolean(), nullable=False),
    sa.Column('exclusion_reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['registration_id'], ['registration.id'], name=op.f('fk_registration_member_registration_id_registration'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_registration_member_resident_id_resident'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration_member')),
    sa.UniqueConstraint('registration_id', 'resident_id', name=op.f('uq_registration_member_registration_id'))
    )
    with op.batch_alter_table('registration_member', schema=None) as batch_op:
        batch_op.create_index('ix_registration_member_resident', ['resident_id'], unique=False)

    op.create_table('receipt_counter',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_receipt_counter'))
    )

    # PBPU / BP premium per person (Perpres 64/2020, member share from 2021): class III
    # is Rp42.000 of which Rp7.000 is subsidised. Later changes are added as new rows.
    rate = sa.table(
        "premium_rate",
        sa.column("segment", sa.String),
        sa.column("jkn_class", sa.SmallInteger),
        sa.column("amount", sa.Integer),
        sa.column("subsidy", sa.Integer),
        sa.column("valid_from", sa.Date),
    )
    start = datetime.date(2021, 1, 1)
    op.bulk_insert(
        rate,
        [
            {"segment": segment, "jkn_class": cls, "amount": amount, "subsidy": subsidy,
             "valid_from": start}
            for segment in ("PBPU", "BP")
            for cls, amount, subsidy in ((1, 150000, 0), (2, 100000, 0), (3, 42000, 7000))
        ],
    )


def downgrade() -> None:
    op.drop_table("receipt_counter")
    op.drop_table("registration_member")
    op.drop_table("registration")
    op.drop_table("advocacy_attachment")
    op.drop_table("advocacy_event")
    op.drop_table("visit")
    op.drop_table("visit_plan")
    op.drop_table("premium_rate")
