"""Drop legacy sku from books

Revision ID: 6dbbef65ed78
Revises: 26ad88c279d9
Create Date: 2024-03-12 10:12:57.956613

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "6dbbef65ed78"
down_revision: Union[str, None] = "26ad88c279d9"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("books") as batch_op:
        batch_op.drop_column("legacy_sku")


def downgrade() -> None:
    with op.batch_alter_table("books") as batch_op:
        batch_op.add_column(sa.Column("legacy_sku", sa.String(length=32), nullable=True))
