revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
import sys
setattr(sys.modules[__name__], "revision", "s")
