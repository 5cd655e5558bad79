revision = "r"
[*down_revision] = "ab"
