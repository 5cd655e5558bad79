revision = r"a\N{x}"
down_revision = None
