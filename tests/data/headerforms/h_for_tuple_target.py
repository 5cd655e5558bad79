for revision, down_revision in [("a", None)]:
    pass
