"""Add status to orders

Revision ID: 33f507f0cbd4
Revises: aed04ca87fc2
Create Date: 2022-10-11 14:26:54.827819

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '33f507f0cbd4'
down_revision = 'aed04ca87fc2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=20), nullable=False, server_default="pending"))
        batch_op.create_check_constraint(
            "ck_orders_status", "status IN ('pending', 'paid', 'shipped', 'cancelled')"
        )


def downgrade():
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_constraint("ck_orders_status", type_="check")
        batch_op.drop_column("status")
