revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
import contextlib
with contextlib.nullcontext(1) as a, contextlib.nullcontext("p") as down_revision: pass
