revision, down_revision = "a", "b"
revision = "z"
