"""Signing in at a window: a clerk's wrong passwords and lock (held in the database, so
every PC sees it), the moment a window's clerk signed in, and the sign-in events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 12:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_KINDS = (
    'issued', 'reprinted', 'called', 'recalled', 'started', 'finished', 'no_show', 'requeued',
    'held', 'returned', 'called_back', 'transferred', 'expired', 'paused', 'resumed',
    'help_requested', 'help_acknowledged', 'printer_fault',
)
NEW_KINDS = OLD_KINDS + ('signed_in', 'signed_out', 'sign_in_failed')


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def upgrade() -> None:
    with op.batch_alter_table('clerks') as batch:
        batch.add_column(
            sa.Column('failed_sign_ins', sa.Integer(), server_default=sa.text('0'), nullable=False)
        )
        batch.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('windows') as batch:
        batch.add_column(sa.Column('signed_in_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _kinds(NEW_KINDS))


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _kinds(OLD_KINDS))
    with op.batch_alter_table('windows') as batch:
        batch.drop_column('signed_in_at')
    with op.batch_alter_table('clerks') as batch:
        batch.drop_column('locked_until')
        batch.drop_column('failed_sign_ins')
