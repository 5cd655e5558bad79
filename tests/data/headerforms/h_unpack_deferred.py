revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
x, revision = 1, "late"
