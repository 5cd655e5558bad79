"""Index reviews by book and date

Revision ID: d3304d14cf1a
Revises: 00d953a2f2b6
Create Date: 2022-11-22 09:51:13.122149

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd3304d14cf1a'
down_revision = '00d953a2f2b6'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_reviews_book_id_created_at", "reviews", ["book_id", "created_at"])


def downgrade():
    op.drop_index("ix_reviews_book_id_created_at", table_name="reviews")
