"""Create orders table

Revision ID: 5e6add70e34d
Revises: c1d7b7decc0c
Create Date: 2022-05-03 09:02:44.732787

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e6add70e34d'
down_revision = 'c1d7b7decc0c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade():
    op.drop_table("orders")
