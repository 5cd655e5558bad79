(revision): str = "x"
down_revision = None
