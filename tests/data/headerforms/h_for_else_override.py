for revision in ["a"]:
    pass
else:
    pass
revision = "b"
down_revision = None
