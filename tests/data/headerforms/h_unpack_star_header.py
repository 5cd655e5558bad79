revision, *down_revision = "r", "a", "b"
