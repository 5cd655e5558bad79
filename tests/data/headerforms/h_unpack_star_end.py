*x, revision = "a", "b", "c"
down_revision = x[0]
