"""Add biography and website to authors

Revision ID: 26ad88c279d9
Revises: 37c9d57dcafd
Create Date: 2024-02-20 16:03:11.546766

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "26ad88c279d9"
down_revision: Union[str, None] = "37c9d57dcafd"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("authors", sa.Column("bio", sa.Text(), nullable=True))
    op.add_column("authors", sa.Column("website", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("authors") as batch_op:
        batch_op.drop_column("website")
        batch_op.drop_column("bio")
