revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
import sys
sys._getframe().f_globals["revision"] = "f"
