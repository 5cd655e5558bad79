revision = "r1"
down_revision = branch_labels = depends_on = None
