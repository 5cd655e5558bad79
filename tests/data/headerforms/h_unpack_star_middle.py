revision, *branch_labels, down_revision = ("r", "l1", "l2", "p")
