revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
f = lambda x=(down_revision := "ld"): x
