revision = "r"
down_revision = None
branch_labels = ("x",)
del branch_labels
