revision = "r"
down_revision = None
def __getattr__(name):
    return ("g",) if name == "depends_on" else None
