"""Create payments table

Revision ID: aed04ca87fc2
Revises: dd4e1fcfb980
Create Date: 2022-09-07 15:11:38.751853

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'aed04ca87fc2'
down_revision = 'dd4e1fcfb980'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_payments_order_id", "payments", ["order_id"])


def downgrade():
    op.drop_index("ix_payments_order_id", table_name="payments")
    op.drop_table("payments")
