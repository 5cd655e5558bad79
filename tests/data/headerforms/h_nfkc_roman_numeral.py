down_revision = None
revⅰsion = "rn"
