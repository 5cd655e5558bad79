revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
match {"k": "v"}:
    case {"k": depends_on}:
        pass
