revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
class A:
    revision = "c"
    down_revision = "c"
