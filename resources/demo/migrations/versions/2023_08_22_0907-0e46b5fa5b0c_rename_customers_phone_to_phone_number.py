"""Rename customers.phone to phone_number

Revision ID: 0e46b5fa5b0c
Revises: db183f20134c
Create Date: 2023-08-22 09:07:33.748417

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0e46b5fa5b0c"
down_revision: Union[str, None] = "db183f20134c"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.alter_column("phone", new_column_name="phone_number", existing_type=sa.String(length=40))


def downgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.alter_column("phone_number", new_column_name="phone", existing_type=sa.String(length=40))
