revision, (down_revision, depends_on) = "r", ("d", None)
branch_labels = None
