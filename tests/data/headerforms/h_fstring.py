X = "a"
revision = f"{X}b"
down_revision = None
