"""Create publishers and link books

Revision ID: 5d96265beda9
Revises: cf0c4243ed52
Create Date: 2022-04-02 10:31:57.857971

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d96265beda9'
down_revision = 'cf0c4243ed52'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "publishers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=200), nullable=False, unique=True),
        sa.Column("country", sa.String(length=2), nullable=True),
    )
    with op.batch_alter_table("books") as batch_op:
        batch_op.add_column(sa.Column("publisher_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_books_publisher_id", "publishers", ["publisher_id"], ["id"])


def downgrade():
    with op.batch_alter_table("books") as batch_op:
        batch_op.drop_constraint("fk_books_publisher_id", type_="foreignkey")
        batch_op.drop_column("publisher_id")
    op.drop_table("publishers")
