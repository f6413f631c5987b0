"""The lobby display and the window screens: their settings ([display]).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 14:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('halls') as batch:
        batch.add_column(sa.Column('display', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('halls') as batch:
        batch.drop_column('display')
