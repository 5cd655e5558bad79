(revision) = "x"
down_revision = None
