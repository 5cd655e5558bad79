revision = "a"
revision += "b"
down_revision = None
