y = (revision := "r")
down_revision = None
