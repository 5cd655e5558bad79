import contextlib
with contextlib.nullcontext("w") as revision:
    pass
down_revision = None
