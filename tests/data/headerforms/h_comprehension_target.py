revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
_ = [revision for revision in ["c"]]
_ = list(down_revision for down_revision in "xy")
