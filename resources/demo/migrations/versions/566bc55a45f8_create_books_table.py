"""Create books table

Revision ID: 566bc55a45f8
Revises: d1a69b9b1325
Create Date: 2022-03-14 11:40:03.031706

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '566bc55a45f8'
down_revision = 'd1a69b9b1325'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "books",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("author_id", sa.Integer(), sa.ForeignKey("authors.id"), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("legacy_sku", sa.String(length=32), nullable=True),
    )
    op.create_index("ix_books_author_id", "books", ["author_id"])


def downgrade():
    op.drop_index("ix_books_author_id", table_name="books")
    op.drop_table("books")
