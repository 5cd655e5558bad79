"""Create gift_cards table

Revision ID: 422a9248b974
Revises: 0e46b5fa5b0c
Create Date: 2023-10-17 10:44:09.761727

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "422a9248b974"
down_revision: Union[str, None] = "0e46b5fa5b0c"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "gift_cards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=24), nullable=False, unique=True),
        sa.Column("balance_cents", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id"), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("gift_cards")
