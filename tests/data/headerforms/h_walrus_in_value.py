revision = (down_revision := "x")
