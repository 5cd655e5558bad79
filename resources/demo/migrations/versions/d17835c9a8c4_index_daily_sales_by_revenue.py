"""Index daily sales by revenue

Revision ID: d17835c9a8c4
Revises: 1ff12e825ce1
Create Date: 2023-01-10 11:02:29.632609

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd17835c9a8c4'
down_revision = '1ff12e825ce1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_report_daily_sales_revenue", "report_daily_sales", ["revenue_cents"])


def downgrade():
    op.drop_index("ix_report_daily_sales_revenue", table_name="report_daily_sales")
