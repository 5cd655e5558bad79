BASE = "b0"
revision = "r1"
down_revision = BASE
branch_labels = None
depends_on = [BASE, "c"]
