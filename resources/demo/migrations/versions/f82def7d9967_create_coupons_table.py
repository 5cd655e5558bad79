"""Create coupons table

Revision ID: f82def7d9967
Revises: 699f5fd8e665
Create Date: 2023-05-09 10:27:45.692660

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f82def7d9967'
down_revision = '699f5fd8e665'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "coupons",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=32), nullable=False, unique=True),
        sa.Column("percent_off", sa.SmallInteger(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
    )


def downgrade():
    op.drop_table("coupons")
