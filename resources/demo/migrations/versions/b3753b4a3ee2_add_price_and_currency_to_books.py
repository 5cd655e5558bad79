"""Add price and currency to books

Revision ID: b3753b4a3ee2
Revises: 046355ac0ecd
Create Date: 2022-06-09 11:15:02.425940

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b3753b4a3ee2'
down_revision = '046355ac0ecd'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("books", sa.Column("price_cents", sa.Integer(), nullable=True))
    op.add_column("books", sa.Column("currency", sa.String(length=3), nullable=False, server_default="EUR"))


def downgrade():
    with op.batch_alter_table("books") as batch_op:
        batch_op.drop_column("currency")
        batch_op.drop_column("price_cents")
