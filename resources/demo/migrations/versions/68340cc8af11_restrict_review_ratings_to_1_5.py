"""Restrict review ratings to 1-5

Revision ID: 68340cc8af11
Revises: 9823e6ba3ad7
Create Date: 2022-08-16 10:03:27.435246

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '68340cc8af11'
down_revision = '9823e6ba3ad7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("reviews") as batch_op:
        batch_op.create_check_constraint("ck_reviews_rating_range", "rating BETWEEN 1 AND 5")


def downgrade():
    with op.batch_alter_table("reviews") as batch_op:
        batch_op.drop_constraint("ck_reviews_rating_range", type_="check")
