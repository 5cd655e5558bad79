revision = "r"
down_revision = None
__getattr__ = lambda name: "x"
