revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
_ = [revision := "c" for _x in range(1)]
