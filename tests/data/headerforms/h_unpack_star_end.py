*x, revision = "a", "b", "c"
down_revision = None
