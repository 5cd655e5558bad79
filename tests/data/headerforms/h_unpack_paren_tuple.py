(revision, down_revision) = ("a", None)
