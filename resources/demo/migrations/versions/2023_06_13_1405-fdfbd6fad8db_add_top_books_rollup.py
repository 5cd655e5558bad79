"""Add top books rollup

Revision ID: fdfbd6fad8db
Revises: a9dfbaecde5b
Create Date: 2023-06-13 14:05:58.702535

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "fdfbd6fad8db"
down_revision: Union[str, None] = "a9dfbaecde5b"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "report_top_books",
        sa.Column("week", sa.Date(), primary_key=True),
        sa.Column("rank", sa.SmallInteger(), primary_key=True),
        sa.Column("book_id", sa.Integer(), sa.ForeignKey("books.id"), nullable=False),
        sa.Column("copies_sold", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("report_top_books")
