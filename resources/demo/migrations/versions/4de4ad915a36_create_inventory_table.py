"""Create inventory table

Revision ID: 4de4ad915a36
Revises: b3753b4a3ee2
Create Date: 2022-07-12 08:55:36.378895

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4de4ad915a36'
down_revision = 'b3753b4a3ee2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "inventory",
        sa.Column("book_id", sa.Integer(), sa.ForeignKey("books.id"), primary_key=True),
        sa.Column("warehouse", sa.String(length=20), primary_key=True),
        sa.Column("quantity", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade():
    op.drop_table("inventory")
