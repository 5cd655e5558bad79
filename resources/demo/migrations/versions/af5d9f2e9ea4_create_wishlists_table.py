"""Create wishlists table

Revision ID: af5d9f2e9ea4
Revises: 7658f94855d0
Create Date: 2023-02-14 13:45:37.717228

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'af5d9f2e9ea4'
down_revision = '7658f94855d0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "wishlists",
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("book_id", sa.Integer(), sa.ForeignKey("books.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("added_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
    )


def downgrade():
    op.drop_table("wishlists")
