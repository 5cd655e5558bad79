"""Add inventory snapshots for reporting

Revision ID: 3a7c6088155f
Revises: bf41f1f0742a
Create Date: 2024-01-09 08:58:14.736379

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "3a7c6088155f"
down_revision: Union[str, None] = "bf41f1f0742a"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "report_inventory_snapshots",
        sa.Column("taken_on", sa.Date(), primary_key=True),
        sa.Column("book_id", sa.Integer(), sa.ForeignKey("books.id"), primary_key=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("report_inventory_snapshots")
