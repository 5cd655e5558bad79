"""Start reporting schema with report_runs

Revision ID: bfb65bae2d26
Revises: dd4e1fcfb980
Create Date: 2022-09-01 09:30:00.959380

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'bfb65bae2d26'
down_revision = 'dd4e1fcfb980'
branch_labels = ('reporting',)
depends_on = None


def upgrade():
    op.create_table(
        "report_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("report", sa.String(length=80), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
    )


def downgrade():
    op.drop_table("report_runs")
