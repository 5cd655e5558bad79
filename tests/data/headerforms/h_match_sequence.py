revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
match ("a", "b"):
    case (down_revision, depends_on):
        pass
