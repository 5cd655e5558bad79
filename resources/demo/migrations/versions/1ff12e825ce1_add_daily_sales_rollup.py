"""Add daily sales rollup

Revision ID: 1ff12e825ce1
Revises: bfb65bae2d26
Create Date: 2022-10-03 08:40:12.347244

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1ff12e825ce1'
down_revision = 'bfb65bae2d26'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "report_daily_sales",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("orders_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("revenue_cents", sa.BigInteger(), nullable=False, server_default="0"),
    )


def downgrade():
    op.drop_table("report_daily_sales")
