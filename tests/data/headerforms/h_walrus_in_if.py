if (revision := "r"):
    pass
down_revision = None
