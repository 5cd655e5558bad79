revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
import contextlib
with (contextlib.nullcontext("wp") as revision):
    pass
