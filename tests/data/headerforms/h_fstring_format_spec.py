revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
x = 1
_ = f"{x:=^10}"
