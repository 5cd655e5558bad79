revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
class N:
    revision = 1
del N.revision
