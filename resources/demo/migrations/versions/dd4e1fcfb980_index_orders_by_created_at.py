"""Index orders by created_at

Revision ID: dd4e1fcfb980
Revises: 4de4ad915a36
Create Date: 2022-08-04 17:42:50.697791

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'dd4e1fcfb980'
down_revision = '4de4ad915a36'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_orders_created_at", "orders", ["created_at"])


def downgrade():
    op.drop_index("ix_orders_created_at", table_name="orders")
