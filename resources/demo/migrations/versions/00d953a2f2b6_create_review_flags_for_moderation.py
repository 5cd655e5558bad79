"""Create review_flags for moderation

Revision ID: 00d953a2f2b6
Revises: 158d9a0b2361
Create Date: 2022-10-25 16:09:31.921648

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '00d953a2f2b6'
down_revision = '158d9a0b2361'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "review_flags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("review_id", sa.Integer(), sa.ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("flagged_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade():
    op.drop_table("review_flags")
