down_revision = None
if 1: revision = "o"
