revision = "r1"; down_revision = "p"; branch_labels = None
depends_on = None
