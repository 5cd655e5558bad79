"""Make customer emails unique, add marketing opt-in

Revision ID: 668d6a423cf9
Revises: 4cc33c234038
Create Date: 2022-12-06 15:33:08.592035

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '668d6a423cf9'
down_revision = '4cc33c234038'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("customers") as batch_op:
        batch_op.add_column(sa.Column("marketing_opt_in", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_unique_constraint("uq_customers_email", ["email"])


def downgrade():
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_constraint("uq_customers_email", type_="unique")
        batch_op.drop_column("marketing_opt_in")
