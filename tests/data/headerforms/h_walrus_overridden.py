(revision := "w")
revision = "z"
down_revision = None
