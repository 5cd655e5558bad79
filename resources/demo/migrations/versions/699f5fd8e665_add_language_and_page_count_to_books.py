"""Add language and page count to books

Revision ID: 699f5fd8e665
Revises: af5d9f2e9ea4
Create Date: 2023-03-21 16:52:03.836381

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '699f5fd8e665'
down_revision = 'af5d9f2e9ea4'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("books", sa.Column("language", sa.String(length=8), nullable=True))
    op.add_column("books", sa.Column("page_count", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("books") as batch_op:
        batch_op.drop_column("page_count")
        batch_op.drop_column("language")
