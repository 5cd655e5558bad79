revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
match 1:
    case int() as branch_labels:
        pass
