"""Add reorder level to inventory

Revision ID: 47635ed08d6b
Revises: 422a9248b974
Create Date: 2023-11-28 13:16:22.341490

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "47635ed08d6b"
down_revision: Union[str, None] = "422a9248b974"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("inventory", sa.Column("reorder_level", sa.Integer(), nullable=False, server_default="5"))


def downgrade() -> None:
    with op.batch_alter_table("inventory") as batch_op:
        batch_op.drop_column("reorder_level")
