"""Create authors table

Revision ID: d1a69b9b1325
Revises: 
Create Date: 2022-03-14 09:12:41.394415

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd1a69b9b1325'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "authors",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("born", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
    )
    op.create_index("ix_authors_name", "authors", ["name"])


def downgrade():
    op.drop_index("ix_authors_name", table_name="authors")
    op.drop_table("authors")
