revision = "r1"
if True:
    down_revision = "a"
else:
    down_revision = "b"
branch_labels = None
depends_on = None
