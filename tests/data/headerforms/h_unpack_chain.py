revision, down_revision = x = "a", None
