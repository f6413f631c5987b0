"""Good and bad reviews: the ratings, the cases that follow bad ones and their steps, the
[reviews] settings and their events.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
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
)
NEW_KINDS = OLD_KINDS + ('review_asked', 'reviewed', 'case_updated')
LEVELS = ('very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied')
CHANNELS = ('qr', 'kiosk', 'evaluator', 'other')
STATES = (
    'pending', 'rectifying', 'rectified', 'invalid_applied', 'invalid',
    'unrectifiable_applied', 'unrectifiable',
)
ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    with op.batch_alter_table('halls') as batch:
        batch.add_column(sa.Column('reviews', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _in('kind', NEW_KINDS))
    op.create_table(
        'reviews',
        sa.Column('id', ID, nullable=False),
        sa.Column('hall_id', ID, nullable=False),
        sa.Column('ticket_id', ID, nullable=False),
        sa.Column('business_day', sa.Date(), nullable=False),
        sa.Column('service_id', ID, nullable=False),
        sa.Column('window_id', ID, nullable=True),
        sa.Column('clerk_id', ID, nullable=True),
        sa.Column('at', _when(), nullable=False),
        sa.Column('level', _enum(LEVELS, 'ck_reviews_level'), nullable=False),
        sa.Column('channel', _enum(CHANNELS, 'ck_reviews_channel'), nullable=False),
        sa.Column('reasons', sa.JSON(), nullable=False),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('dimensions', sa.JSON(), nullable=False),
        sa.Column('name', sa.String(length=50), nullable=True),
        sa.Column('phone', sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_reviews_hall_id_halls')),
        sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], name=op.f('fk_reviews_ticket_id_tickets')),
        sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_reviews_service_id_services')),
        sa.ForeignKeyConstraint(['window_id'], ['windows.id'], name=op.f('fk_reviews_window_id_windows')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_reviews_clerk_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
        sa.UniqueConstraint('ticket_id', name=op.f('uq_reviews_ticket_id')),
    )
    op.create_index('ix_reviews_day', 'reviews', ['hall_id', 'business_day'])
    op.create_table(
        'review_cases',
        sa.Column('id', ID, nullable=False),
        sa.Column('hall_id', ID, nullable=False),
        sa.Column('review_id', ID, nullable=False),
        sa.Column('state', _enum(STATES, 'ck_review_cases_state'), nullable=False),
        sa.Column('opened_at', _when(), nullable=False),
        sa.Column('due', sa.Date(), nullable=False),
        sa.Column('extended_days', sa.Integer(), nullable=False),
        sa.Column('callback_needed', sa.Boolean(), nullable=False),
        sa.Column('called_back_at', _when(), nullable=True),
        sa.Column('callback_result', sa.Text(), nullable=True),
        sa.Column('closed_at', _when(), nullable=True),
        sa.ForeignKeyConstraint(['hall_id'], ['halls.id'], name=op.f('fk_review_cases_hall_id_halls')),
        sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_cases_review_id_reviews')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_review_cases')),
        sa.UniqueConstraint('review_id', name=op.f('uq_review_cases_review_id')),
    )
    op.create_index('ix_review_cases_state', 'review_cases', ['hall_id', 'state'])
    op.create_table(
        'case_steps',
        sa.Column('id', ID, nullable=False),
        sa.Column('case_id', ID, nullable=False),
        sa.Column('at', _when(), nullable=False),
        sa.Column('clerk_id', ID, nullable=True),
        sa.Column('action', sa.String(length=24), nullable=False),
        sa.Column('from_state', _enum(STATES, 'ck_case_steps_from_state'), nullable=True),
        sa.Column('to_state', _enum(STATES, 'ck_case_steps_to_state'), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('days', sa.Integer(), nullable=True),
        sa.Column('result', sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['review_cases.id'], name=op.f('fk_case_steps_case_id_review_cases')),
        sa.ForeignKeyConstraint(['clerk_id'], ['clerks.id'], name=op.f('fk_case_steps_clerk_id_clerks')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_steps')),
    )
    op.create_index('ix_case_steps_case', 'case_steps', ['case_id'])


def downgrade() -> None:
    op.drop_index('ix_case_steps_case', table_name='case_steps')
    op.drop_table('case_steps')
    op.drop_index('ix_review_cases_state', table_name='review_cases')
    op.drop_table('review_cases')
    op.drop_index('ix_reviews_day', table_name='reviews')
    op.drop_table('reviews')
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _in('kind', OLD_KINDS))
    with op.batch_alter_table('halls') as batch:
        batch.drop_column('reviews')
