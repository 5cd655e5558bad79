"""Create shipments table

Revision ID: 4cc33c234038
Revises: 33f507f0cbd4
Create Date: 2022-11-08 10:18:46.062655

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4cc33c234038'
down_revision = '33f507f0cbd4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("carrier", sa.String(length=40), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=True),
        sa.Column("shipped_at", sa.DateTime(), nullable=True),
    )


def downgrade():
    op.drop_table("shipments")
