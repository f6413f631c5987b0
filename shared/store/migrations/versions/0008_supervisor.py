"""The supervisor's station: alarms, staff sessions without a window, per-slot ticket
quotas, the [alarms] settings, their events, and an index on the events' kind and time.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_KINDS = (
    'issued', 'reprinted', 'called', 'recalled', 'started', 'finished', 'no_show', 'requeued',
    'held', 'returned', 'called_back', 'transferred', 'expired', 'paused', 'resumed',
    'help_requested', 'help_acknowledged', 'printer_fault',
    'signed_in', 'signed_out', 'sign_in_failed',
    'handed_over', 'handed_back', 'post_conflict', 'empty_post', 'noon_uncovered',
    'extended_marked', 'extended_service', 'extended_declined', 'decline_decided',
    'notice_given', 'notice_reprinted',
    'review_asked', 'reviewed', 'case_updated',
)
NEW_KINDS = OLD_KINDS + (
    'printer_ok', 'staff_signed_in', 'staff_signed_out',
    'alarm_raised', 'alarm_acknowledged', 'alarm_resolved', 'setting_changed',
)
ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Existing halls get {} (every alarm at its default threshold); existing services no
    quota per slot."""
    with op.batch_alter_table('halls') as batch:
        batch.add_column(sa.Column('alarms', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
    with op.batch_alter_table('services') as batch:
        batch.add_column(sa.Column('slot_caps', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _in('kind', NEW_KINDS))
    op.create_index('ix_events_kind_at', 'events', ['hall_id', 'kind', 'at'])
    op.create_table(
        'alarms',
        sa.Column('id', ID, nullable=False),
        sa.Column('hall_id', ID, nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('subject', sa.String(length=64), nullable=False),
        sa.Column('raised_at', _when(), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('acknowledged_at', _when(), nullable=True),
        sa.Column('acknowledged_by_id', ID, nullable=True),
        sa.Column('resolved_at', _when(), nullable=True),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_alarms_hall_id_halls')),
        sa.ForeignKeyConstraint(['acknowledged_by_id'], ['clerks.id'], name=op.f('fk_alarms_acknowledged_by_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_alarms')),
    )
    op.create_index(
        'ux_alarms_open', 'alarms', ['hall_id', 'kind', 'subject'], unique=True,
        postgresql_where=sa.text('resolved_at IS NULL'),
        sqlite_where=sa.text('resolved_at IS NULL'),
    )
    op.create_index('ix_alarms_raised', 'alarms', ['hall_id', 'raised_at'])
    op.create_table(
        'staff_sessions',
        sa.Column('id', ID, nullable=False),
        sa.Column('hall_id', ID, nullable=False),
        sa.Column('clerk_id', ID, nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('opened_at', _when(), nullable=False),
        sa.Column('closed_at', _when(), nullable=True),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_staff_sessions_hall_id_halls')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_staff_sessions_clerk_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_sessions')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_staff_sessions_token_hash')),
    )


def downgrade() -> None:
    op.drop_table('staff_sessions')
    op.drop_index('ix_alarms_raised', table_name='alarms')
    op.drop_index('ux_alarms_open', table_name='alarms')
    op.drop_table('alarms')
    op.drop_index('ix_events_kind_at', table_name='events')
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _in('kind', OLD_KINDS))
    with op.batch_alter_table('services') as batch:
        batch.drop_column('slot_caps')
    with op.batch_alter_table('halls') as batch:
        batch.drop_column('alarms')
