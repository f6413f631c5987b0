"""The staffing rules: AB-post absences, services past closing and refused requests to stay,
one-time notices, their settings ([staffing], [notice]) and their events.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_KINDS = (
    'issued', 'reprinted', 'called', 'recalled', 'started', 'finished', 'no_show', 'requeued',
    'held', 'returned', 'called_back', 'transferred', 'expired', 'paused', 'resumed',
    'help_requested', 'help_acknowledged', 'printer_fault',
    'signed_in', 'signed_out', 'sign_in_failed',
)
NEW_KINDS = OLD_KINDS + (
    'handed_over', 'handed_back', 'post_conflict', 'empty_post', 'noon_uncovered',
    'extended_marked', 'extended_service', 'extended_declined', 'decline_decided',
    'notice_given', 'notice_reprinted',
)
REASONS = ('leave', 'study', 'meeting', 'business_trip', 'lunch', 'other')
TRIGGERS = ('unfinished_at_closing', 'citizen_request', 'heavy_load', 'other')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('halls') as batch:
        batch.add_column(sa.Column('staffing', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
        batch.add_column(sa.Column('notice', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _in('kind', NEW_KINDS))
    op.create_table(
        'absences',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('hall_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('window_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('clerk_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('reason', sa.Enum(*REASONS, name='ck_absences_reason', native_enum=False, create_constraint=True, length=24), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('expected_return', _when(), nullable=True),
        sa.Column('left_at', _when(), nullable=False),
        sa.Column('asked', sa.Boolean(), nullable=False),
        sa.Column('covered_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
        sa.Column('covered_from', _when(), nullable=True),
        sa.Column('returned_at', _when(), nullable=True),
        sa.Column('report', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_absences_hall_id_halls')),
        sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_absences_window_id_windows')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_absences_clerk_id_clerks')),
        sa.ForeignKeyConstraint(['covered_by_id'], ['clerks.id'], name=op.f('fk_absences_covered_by_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_absences')),
    )
    op.create_index('ix_absences_open', 'absences', ['hall_id', 'clerk_id', 'returned_at'])
    op.create_table(
        'extended_services',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('hall_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('window_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('clerk_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('trigger', sa.Enum(*TRIGGERS, name='ck_extended_services_trigger', native_enum=False, create_constraint=True, length=24), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('closing', _when(), nullable=False),
        sa.Column('started_at', _when(), nullable=False),
        sa.Column('ended_at', _when(), nullable=False),
        sa.Column('minutes', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_extended_services_hall_id_halls')),
        sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_extended_services_window_id_windows')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_extended_services_clerk_id_clerks')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_extended_services_ticket_id_tickets')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_extended_services')),
        sa.UniqueConstraint('ticket_id', name=op.f('uq_extended_services_ticket_id')),
    )
    op.create_index('ix_extended_services_day', 'extended_services', ['hall_id', 'business_day'])
    op.create_table(
        'extended_declines',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('hall_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('at', _when(), nullable=False),
        sa.Column('window_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('clerk_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('decided_by_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
        sa.Column('decided_at', _when(), nullable=True),
        sa.Column('approved', sa.Boolean(), nullable=True),
        sa.Column('decision_note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_extended_declines_hall_id_halls')),
        sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_extended_declines_window_id_windows')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_extended_declines_clerk_id_clerks')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_extended_declines_ticket_id_tickets')),
        sa.ForeignKeyConstraint(['decided_by_id'], ['clerks.id'], name=op.f('fk_extended_declines_decided_by_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_extended_declines')),
    )
    op.create_table(
        'notices',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('hall_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('ticket_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('service_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('window_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('clerk_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('at', _when(), nullable=False),
        sa.Column('materials', sa.JSON(), nullable=False),
        sa.Column('other', sa.Text(), nullable=True),
        sa.Column('reprints', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_notices_hall_id_halls')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_notices_ticket_id_tickets')),
        sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_notices_service_id_services')),
        sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_notices_window_id_windows')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_notices_clerk_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notices')),
        sa.UniqueConstraint('ticket_id', name=op.f('uq_notices_ticket_id')),
    )
    op.create_index('ix_notices_day', 'notices', ['hall_id', 'business_day'])


def downgrade() -> None:
    op.drop_index('ix_notices_day', table_name='notices')
    op.drop_table('notices')
    op.drop_table('extended_declines')
    op.drop_index('ix_extended_services_day', table_name='extended_services')
    op.drop_table('extended_services')
    op.drop_index('ix_absences_open', table_name='absences')
    op.drop_table('absences')
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _in('kind', OLD_KINDS))
    with op.batch_alter_table('halls') as batch:
        batch.drop_column('notice')
        batch.drop_column('staffing')
