revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
import os.path as depends_on
