revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
if True:
    def depends_on():
        pass
