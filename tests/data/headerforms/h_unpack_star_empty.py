down_revision = None
revision, *depends_on = ["r"]
