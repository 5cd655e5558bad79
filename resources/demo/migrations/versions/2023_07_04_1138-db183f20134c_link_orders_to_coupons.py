"""Link orders to coupons

Revision ID: db183f20134c
Revises: f82def7d9967
Create Date: 2023-07-04 11:38:16.304747

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "db183f20134c"
down_revision: Union[str, None] = "f82def7d9967"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("coupon_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_orders_coupon_id", "coupons", ["coupon_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_constraint("fk_orders_coupon_id", type_="foreignkey")
        batch_op.drop_column("coupon_id")
