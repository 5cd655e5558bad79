"""Merge reviews into main line

Revision ID: 7658f94855d0
Revises: 668d6a423cf9, d3304d14cf1a
Create Date: 2023-01-17 10:00:52.188434

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7658f94855d0'
down_revision = ('668d6a423cf9', 'd3304d14cf1a')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
