revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
match "m":
    case "n":
        revision = "q"
    case _:
        pass
