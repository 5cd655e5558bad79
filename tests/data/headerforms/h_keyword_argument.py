revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
_ = dict(revision="k", down_revision="k")
