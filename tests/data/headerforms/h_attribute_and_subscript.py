revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
class N:
    pass
n = N()
n.revision = "q"
d = {}
d["down_revision"] = "q"
d[revision] = 1
