"""The reports read a day's or a month's tickets of the whole hall: an index on the
tickets' hall and business day.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 10:30:00

"""
from typing import Sequence, Union

from alembic import op


revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_tickets_day', 'tickets', ['hall_id', 'business_day'])


def downgrade() -> None:
    op.drop_index('ix_tickets_day', table_name='tickets')
