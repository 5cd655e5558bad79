"""Break down sales by payment method

Revision ID: a9dfbaecde5b
Revises: d17835c9a8c4
Create Date: 2023-03-02 09:14:20.065305

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a9dfbaecde5b'
down_revision = 'd17835c9a8c4'
branch_labels = None
depends_on = 'aed04ca87fc2'


def upgrade():
    op.create_table(
        "report_payment_methods",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("method", sa.String(length=20), primary_key=True),
        sa.Column("payments_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False, server_default="0"),
    )


def downgrade():
    op.drop_table("report_payment_methods")
