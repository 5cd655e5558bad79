"""Add isbn to books

Revision ID: cf0c4243ed52
Revises: 566bc55a45f8
Create Date: 2022-03-22 16:05:19.344970

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cf0c4243ed52'
down_revision = '566bc55a45f8'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("books") as batch_op:
        batch_op.add_column(sa.Column("isbn", sa.String(length=13), nullable=True))
        batch_op.create_unique_constraint("uq_books_isbn", ["isbn"])


def downgrade():
    with op.batch_alter_table("books") as batch_op:
        batch_op.drop_constraint("uq_books_isbn", type_="unique")
        batch_op.drop_column("isbn")
