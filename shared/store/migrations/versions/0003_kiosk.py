"""The kiosk: its settings ([kiosk]), one tap, one ticket (request ids), the kiosk that issued a ticket, and
the stations' own events (help requests, their acknowledgement, printer faults).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_KINDS = (
    'issued', 'reprinted', 'called', 'recalled', 'started', 'finished', 'no_show', 'requeued',
    'held', 'returned', 'called_back', 'transferred', 'expired', 'paused', 'resumed',
)
NEW_KINDS = OLD_KINDS + ('help_requested', 'help_acknowledged', 'printer_fault')


def _kinds(kinds: tuple[str, ...]) -> str:
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")"


def upgrade() -> None:
    with op.batch_alter_table('halls') as batch:
        batch.add_column(sa.Column('kiosk', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
    with op.batch_alter_table('tickets') as batch:
        batch.add_column(sa.Column('request_id', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('kiosk', sa.String(length=32), nullable=True))
        batch.create_unique_constraint(op.f('uq_tickets_hall_id_request_id'), ['hall_id', 'request_id'])
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _kinds(NEW_KINDS))


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_constraint(op.f('ck_events_kind'), type_='check')
        batch.create_check_constraint(op.f('ck_events_kind'), _kinds(OLD_KINDS))
    with op.batch_alter_table('tickets') as batch:
        batch.drop_constraint(op.f('uq_tickets_hall_id_request_id'), type_='unique')
        batch.drop_column('kiosk')
        batch.drop_column('request_id')
    with op.batch_alter_table('halls') as batch:
        batch.drop_column('kiosk')
