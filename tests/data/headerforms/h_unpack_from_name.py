pair = ("a", "b")
revision, down_revision = pair
