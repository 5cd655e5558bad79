revision = "r"
down_revision = None
branch_labels = "b"
depends_on = "d"
del (branch_labels), depends_on
