"""Add loyalty points to customers

Revision ID: da0aaa72870b
Revises: dd63d1764460
Create Date: 2024-06-11 15:55:02.877634

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "da0aaa72870b"
down_revision: Union[str, None] = "dd63d1764460"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("customers", sa.Column("loyalty_points", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_column("loyalty_points")
