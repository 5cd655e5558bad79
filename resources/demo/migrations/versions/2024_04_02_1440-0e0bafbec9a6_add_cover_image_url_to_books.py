"""Add cover image url to books

Revision ID: 0e0bafbec9a6
Revises: 6dbbef65ed78
Create Date: 2024-04-02 14:40:36.011401

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0e0bafbec9a6"
down_revision: Union[str, None] = "6dbbef65ed78"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("books", sa.Column("cover_url", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("books") as batch_op:
        batch_op.drop_column("cover_url")
