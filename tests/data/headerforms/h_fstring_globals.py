revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
_ = f"{globals().update(depends_on='x')}"
