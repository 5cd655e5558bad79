def revision():
    pass
revision = "r"
down_revision = None
