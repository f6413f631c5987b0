"""How a hall's calls are spoken: the [voice] section of its configuration.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:40:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Existing halls get {}: every voice setting at its default."""
    with op.batch_alter_table('halls') as batch:
        batch.add_column(sa.Column('voice', sa.JSON(), server_default=sa.text("'{}'"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('halls') as batch:
        batch.drop_column('voice')
