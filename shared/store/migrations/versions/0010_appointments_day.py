"""The forecast reads the day's appointments still to check in at every ticket issued:
an index on the appointments' hall and day (without it, every appointment ever booked
was read each time).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 13:45:00

"""
from typing import Sequence, Union

from alembic import op


revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index('ix_appointments_day', 'appointments', ['hall_id', 'day'])


def downgrade() -> None:
    op.drop_index('ix_appointments_day', table_name='appointments')
