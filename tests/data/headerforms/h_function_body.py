revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
def upgrade():
    revision = "f"
    (down_revision := "w")
    for depends_on in []:
        pass
