"""Create order_items table

Revision ID: 046355ac0ecd
Revises: 5e6add70e34d
Create Date: 2022-05-03 15:27:30.544012

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '046355ac0ecd'
down_revision = '5e6add70e34d'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "order_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
        sa.Column("book_id", sa.Integer(), sa.ForeignKey("books.id"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
    )
    op.create_index("ix_order_items_order_id", "order_items", ["order_id"])


def downgrade():
    op.drop_index("ix_order_items_order_id", table_name="order_items")
    op.drop_table("order_items")
