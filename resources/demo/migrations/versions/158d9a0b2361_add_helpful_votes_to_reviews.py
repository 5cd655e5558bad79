"""Add helpful votes to reviews

Revision ID: 158d9a0b2361
Revises: 68340cc8af11
Create Date: 2022-09-20 11:47:05.462767

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '158d9a0b2361'
down_revision = '68340cc8af11'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("reviews", sa.Column("helpful_votes", sa.Integer(), nullable=False, server_default="0"))


def downgrade():
    with op.batch_alter_table("reviews") as batch_op:
        batch_op.drop_column("helpful_votes")
