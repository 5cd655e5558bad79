for revision in ["a"]:
    pass
down_revision = None
