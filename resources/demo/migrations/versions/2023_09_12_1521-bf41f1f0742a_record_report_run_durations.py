"""Record report run durations

Revision ID: bf41f1f0742a
Revises: fdfbd6fad8db
Create Date: 2023-09-12 15:21:47.813212

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "bf41f1f0742a"
down_revision: Union[str, None] = "fdfbd6fad8db"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("report_runs", sa.Column("duration_ms", sa.Integer(), nullable=True))
    op.add_column("report_runs", sa.Column("rows_written", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("report_runs") as batch_op:
        batch_op.drop_column("rows_written")
        batch_op.drop_column("duration_ms")
