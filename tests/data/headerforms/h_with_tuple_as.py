import contextlib
with contextlib.nullcontext(("a", "b")) as (revision, down_revision):
    pass
